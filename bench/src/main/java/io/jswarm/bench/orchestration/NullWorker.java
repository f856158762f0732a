package io.jswarm.bench.orchestration;

import io.jswarm.api.dispatch.AssignmentsMessage;
import io.jswarm.api.dispatch.TaskStatusReport;
import io.jswarm.api.task.Task;
import io.jswarm.api.task.TaskState;
import io.jswarm.api.task.TaskStatus;
import io.jswarm.manager.dispatcher.AssignmentStream;
import io.jswarm.manager.dispatcher.StatusReports;
import io.jswarm.manager.store.ClusterStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A worker whose executor starts nothing (BENCHMARKS.md's "fake executor"): it takes assignments
 * through the dispatcher's session (full set, then increments) and reports each batch of new
 * tasks RUNNING, and each task told to stop SHUTDOWN, in one status report.
 */
final class NullWorker implements AutoCloseable {
    private final Thread thread;
    private volatile boolean running = true;

    NullWorker(ClusterStore store, Clock clock, String nodeId) {
        StatusReports reports = new StatusReports(store);
        thread = new Thread(() -> {
            try (AssignmentStream stream = new AssignmentStream(store, nodeId, "bench-" + nodeId)) {
                while (running) {
                    AssignmentsMessage m = stream.next(Duration.ofMillis(20));
                    List<TaskStatusReport.Update> updates = new ArrayList<>();
                    for (Task t : m.tasks()) {
                        TaskState s = t.status().state();
                        if (t.desiredState() == TaskState.RUNNING && s.ordinal() < TaskState.RUNNING.ordinal()) {
                            updates.add(new TaskStatusReport.Update(t.id(), TaskStatus.of(TaskState.RUNNING, clock.instant(), "started")));
                        } else if (t.desiredState().ordinal() > TaskState.RUNNING.ordinal() && !s.isTerminal()) {
                            updates.add(new TaskStatusReport.Update(t.id(), TaskStatus.of(TaskState.SHUTDOWN, clock.instant(), "shutdown")));
                        }
                    }
                    if (!updates.isEmpty()) {
                        reports.commit(new TaskStatusReport(nodeId, updates)).join();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "null-worker-" + nodeId);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(5_000);
    }
}
