package io.jswarm.worker.agent;

import io.jswarm.api.task.Task;
import io.jswarm.api.task.TaskState;
import io.jswarm.worker.task.TaskStep;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The worker's agent: receives its assignments, keeps one controller per task and steps each task
 * ({@link TaskStep}) until it reaches its desired state — RUNNING tasks are started and then
 * observed (exit, OOM, health), desired SHUTDOWN stops the container with the spec's signal and
 * grace, REMOVE (or a task no longer assigned here) removes everything of it. Status changes go
 * to the {@link StatusReporter} in batches ({@link StatusBatcher}).
 *
 * <p>Threads: every decision and all bookkeeping happen on one loop thread (no locks); controller
 * calls, which block (runc, mounts, a grace period), run on a small pool, at most one per task,
 * and hand their result back to the loop. Time comes from the injected clock; the loop's timers
 * (observe interval, batch window) are real delays.
 *
 * <p>Start-up: {@link #start()} runs {@link NodeContainers#recover()} once before any assignment
 * is handled. Each full set is reconciled by {@link AssignmentReconciler}: containers of assigned
 * tasks are adopted (the controller finds them on disk, so no second copy is ever started), the
 * rest is stopped and removed.
 */
public final class WorkerAgent implements Assignments, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(WorkerAgent.class.getName());

    private final ControllerFactory controllers;
    private final NodeContainers node;
    private final StatusReporter reporter;
    private final AgentConfig config;
    private final Clock clock;
    private final ScheduledExecutorService loop;
    private final ExecutorService pool;
    private final Map<String, TaskRunner> runners = new LinkedHashMap<>();
    private final StatusBatcher batcher;
    private ScheduledFuture<?> flushTimer;
    private boolean closed;

    public WorkerAgent(ControllerFactory controllers, NodeContainers node, StatusReporter reporter, AgentConfig config, Clock clock) {
        this.controllers = controllers;
        this.node = node;
        this.reporter = reporter;
        this.config = config;
        this.clock = clock;
        this.batcher = new StatusBatcher(config.batchWindow(), config.batchMax());
        this.loop = Executors.newSingleThreadScheduledExecutor(named("jswarm-agent"));
        this.pool = Executors.newFixedThreadPool(config.stepThreads(), named("jswarm-agent-step"));
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Recovers the node's containers; assignments that arrive meanwhile wait for it. */
    public void start() {
        loop.execute(() -> {
            try {
                node.recover();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "node recovery failed: " + e.getMessage(), e);
            }
        });
    }

    @Override
    public void full(List<Task> tasks) {
        List<Task> copy = List.copyOf(tasks);
        onLoop("full set", () -> onFull(copy));
    }

    @Override
    public void changed(List<AssignmentChange> changes) {
        List<AssignmentChange> copy = List.copyOf(changes);
        onLoop("assignment changes", () -> copy.forEach(this::onChange));
    }

    /** Runs on the loop; a bug in one action is logged instead of vanishing in the executor's future. */
    private void onLoop(String what, Runnable action) {
        loop.execute(() -> {
            try {
                action.run();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "agent: handling " + what + " failed: " + e, e);
            }
        });
    }

    /** The agent's view of its tasks (their statuses as last observed), for inspection and tests. */
    public Map<String, Task> tasks() {
        try {
            return loop.submit(() -> {
                Map<String, Task> m = new LinkedHashMap<>();
                runners.values().stream().filter(r -> !r.gone).forEach(r -> m.put(r.id(), r.task));
                return m;
            }).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    // ---- assignments (loop thread) ----

    private void onFull(List<Task> tasks) {
        Map<String, Task> tracked = new HashMap<>();
        // Removed (gone) tasks count as tracked: still assigned → left alone, not assigned → forgotten.
        runners.values().forEach(r -> tracked.put(r.id(), r.task));
        AssignmentReconciler.Plan plan = AssignmentReconciler.reconcile(tasks, tracked, node.ids());
        if (!plan.isEmpty()) {
            LOG.log(System.Logger.Level.INFO, "full set of {0} task(s): adopt {1}, start {2}, raise {3}, release {4}, remove {5}",
                    tasks.size(), plan.adopt().size(), plan.start().size(), plan.raise().size(), plan.release().size(),
                    plan.removeContainers().size());
        }
        plan.adopt().forEach(this::track);
        plan.start().forEach(this::track);
        for (Task t : plan.raise()) {
            TaskRunner r = runners.get(t.id());
            r.task = t;
            drive(r);
        }
        plan.release().forEach(this::release);
        for (String id : plan.removeContainers()) {
            pool.execute(() -> {
                try {
                    node.stopAndRemove(id);
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "could not remove unassigned container " + id + ": " + e.getMessage(), e);
                }
            });
        }
    }

    private void onChange(AssignmentChange c) {
        if (c.kind() == AssignmentChange.Kind.REMOVED) {
            release(c.taskId());
            return;
        }
        TaskRunner r = runners.get(c.taskId());
        if (r == null) {
            track(c.task());
        } else if (!r.gone && !r.released) {
            AssignmentReconciler.raised(r.task, c.task()).ifPresent(t -> {
                r.task = t;
                drive(r);
            });
        }
    }

    private void track(Task t) {
        TaskRunner r;
        try {
            r = new TaskRunner(t, controllers.create(t));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "no controller for task " + t.id() + ": " + e.getMessage(), e);
            return; // the rest of the assignments still go ahead
        }
        runners.put(t.id(), r);
        drive(r);
    }

    private void release(String id) {
        TaskRunner r = runners.get(id);
        if (r == null) {
            return;
        }
        if (r.gone) {
            if (!r.busy) {
                runners.remove(id);
            }
            return;
        }
        r.released = true;
        if (r.task.desiredState().ordinal() < TaskState.REMOVE.ordinal()) {
            r.task = r.task.withDesiredState(TaskState.REMOVE);
        }
        drive(r);
    }

    // ---- stepping (loop thread; controller calls on the pool) ----

    private void drive(TaskRunner r) {
        if (closed || r.gone) {
            return;
        }
        if (r.busy) {
            r.dirty = true;
            return;
        }
        if (r.timer != null) {
            r.timer.cancel(false);
            r.timer = null;
        }
        TaskStep.Action action = TaskStep.plan(r.task);
        if (action == TaskStep.Action.NONE) {
            if (r.task.desiredState() == TaskState.REMOVE && (r.task.status().state().isTerminal()
                    || r.task.status().state().ordinal() < TaskState.ASSIGNED.ordinal())) {
                remove(r);
            }
            return;
        }
        Task before = r.task;
        r.busy = true;
        pool.execute(() -> {
            Task after;
            try {
                after = TaskStep.step(before, r.controller, clock);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "step of task " + before.id() + " failed: " + e.getMessage(), e);
                after = before;
            }
            Task result = after;
            onLoop("step result of " + before.id(), () -> stepped(r, action, before, result));
        });
    }

    private void stepped(TaskRunner r, TaskStep.Action action, Task before, Task after) {
        r.busy = false;
        Task merged = after;
        if (r.task.desiredState().ordinal() > after.desiredState().ordinal()) {
            merged = after.withDesiredState(r.task.desiredState()); // raised while the call ran
        }
        r.task = merged;
        boolean changed = !after.status().equals(before.status());
        if (changed && !r.released) {
            report(new StatusUpdate(r.id(), merged.status()));
        }
        // Progress → next step at once; nothing new (a running container, or a step that keeps
        // failing without a state change) → look again after the observe interval, never spin.
        if (r.dirty || changed) {
            r.dirty = false;
            drive(r);
        } else if (!closed) {
            r.timer = loop.schedule(() -> {
                r.timer = null;
                drive(r);
            }, config.observeInterval().toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    private void remove(TaskRunner r) {
        r.busy = true;
        pool.execute(() -> {
            RuntimeException failure = null;
            try {
                r.controller.remove();
            } catch (RuntimeException e) {
                failure = e;
            }
            RuntimeException f = failure;
            onLoop("removal of " + r.id(), () -> removed(r, f));
        });
    }

    private void removed(TaskRunner r, RuntimeException failure) {
        r.busy = false;
        if (failure != null) {
            // Retried on the next look; a leftover container must not be forgotten.
            LOG.log(System.Logger.Level.WARNING, "removing task " + r.id() + " failed: " + failure.getMessage(), failure);
            if (!closed) {
                r.timer = loop.schedule(() -> drive(r), config.observeInterval().toNanos(), TimeUnit.NANOSECONDS);
            }
            return;
        }
        r.gone = true;
        if (r.released) {
            runners.remove(r.id());
        }
    }

    // ---- status batches (loop thread) ----

    private void report(StatusUpdate u) {
        Instant now = clock.instant();
        if (batcher.add(u, now)) {
            flush();
        } else if (flushTimer == null) {
            scheduleFlush(Duration.between(now, batcher.dueAt()));
        }
    }

    private void scheduleFlush(Duration delay) {
        if (closed) {
            return;
        }
        long nanos = Math.max(0, delay.toNanos());
        flushTimer = loop.schedule(() -> {
            flushTimer = null;
            flush();
        }, nanos, TimeUnit.NANOSECONDS);
    }

    private void flush() {
        if (flushTimer != null) {
            flushTimer.cancel(false);
            flushTimer = null;
        }
        Instant now = clock.instant();
        List<StatusUpdate> batch = batcher.drain(now);
        if (batch.isEmpty()) {
            return;
        }
        try {
            reporter.report(batch);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "status report of " + batch.size() + " task(s) failed, will retry: " + e.getMessage());
            batcher.requeue(batch, now);
            scheduleFlush(config.batchWindow().compareTo(Duration.ofSeconds(1)) > 0 ? config.batchWindow() : Duration.ofSeconds(1));
            return;
        }
        if (batcher.size() > 0) {
            scheduleFlush(Duration.between(now, batcher.dueAt()));
        }
    }

    /**
     * Stops the agent's threads. Containers keep running (they outlive the worker by design); a
     * controller call in flight is waited for up to {@code timeout}. Pending status updates are
     * sent first.
     */
    public void close(Duration timeout) {
        try {
            loop.submit(() -> {
                flush();
                closed = true;
                runners.values().forEach(r -> {
                    if (r.timer != null) {
                        r.timer.cancel(false);
                    }
                });
            }).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "agent close: " + e);
        }
        pool.shutdown();
        try {
            pool.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        loop.shutdownNow();
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(15));
    }
}
