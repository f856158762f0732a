/**
 * The worker's agent: assignments in ({@link io.jswarm.worker.agent.Assignments}), one controller
 * per task stepped by {@link io.jswarm.worker.agent.WorkerAgent} on a single loop thread with a
 * small pool for blocking calls, statuses out in batches ({@link io.jswarm.worker.agent.StatusReporter},
 * {@link io.jswarm.worker.agent.StatusBatcher}), reconciliation of full sets
 * ({@link io.jswarm.worker.agent.AssignmentReconciler}, pure), the image store wired to the
 * runtime ({@link io.jswarm.worker.agent.StoreImageSource}) and task logs
 * ({@link io.jswarm.worker.agent.TaskLogs}). The design note is the "Agent" section of
 * worker/README.md.
 */
package io.jswarm.worker.agent;
