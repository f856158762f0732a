package io.jswarm.manager.orchestration;

import io.jswarm.api.dispatch.AssignmentsMessage;
import io.jswarm.api.dispatch.TaskStatusReport;
import io.jswarm.api.task.ContainerStatus;
import io.jswarm.api.task.HealthConfig;
import io.jswarm.api.task.HealthState;
import io.jswarm.api.task.Task;
import io.jswarm.api.task.TaskState;
import io.jswarm.api.task.TaskStatus;
import io.jswarm.manager.dispatcher.AssignmentStream;
import io.jswarm.manager.dispatcher.StatusReports;
import io.jswarm.manager.store.ClusterStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A worker whose executor starts nothing: it takes its assignments through the dispatcher's
 * {@link AssignmentStream} (full set, then increments) and reports through {@link StatusReports},
 * like the real agent. A task "runs" at once; its container args decide what happens next:
 * {@code exit N} ends it with code N (0: COMPLETE, else FAILED), anything else keeps it RUNNING
 * until the test calls {@link #crash} or the managers raise its desired state. A task with a
 * health check reports health STARTING when it starts and HEALTHY one round later, unless its
 * args contain {@code never-healthy} (it stays STARTING, as a probe that keeps failing in its
 * start period would).
 */
final class FakeWorker implements AutoCloseable {
    private final ClusterStore store;
    private final Clock clock;
    final String nodeId;
    private final StatusReports reports;
    /** Containers this worker believes exist: task id → state. Survives a disconnect. */
    final Map<String, TaskState> containers = new ConcurrentHashMap<>();
    private final Set<String> toCrash = ConcurrentHashMap.newKeySet();
    private volatile boolean running;
    private Thread thread;

    FakeWorker(ClusterStore store, Clock clock, String nodeId) {
        this.store = store;
        this.clock = clock;
        this.nodeId = nodeId;
        this.reports = new StatusReports(store);
    }

    synchronized void connect() {
        running = true;
        thread = new Thread(this::session, "fake-worker-" + nodeId);
        thread.setDaemon(true);
        thread.start();
    }

    /** The node goes silent (its session ends); its containers keep "running". */
    synchronized void disconnect() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }

    void crash(String taskId) {
        toCrash.add(taskId);
    }

    private void session() {
        try (AssignmentStream stream = new AssignmentStream(store, nodeId, "s-" + System.nanoTime())) {
            Map<String, Task> assigned = new HashMap<>();
            while (running) {
                AssignmentsMessage m = stream.next(Duration.ofMillis(20));
                if (m.full()) {
                    assigned.clear();
                }
                m.tasks().forEach(t -> assigned.put(t.id(), t));
                m.removed().forEach(id -> {
                    assigned.remove(id);
                    containers.remove(id);
                });
                List<TaskStatusReport.Update> updates = new ArrayList<>();
                for (Task t : assigned.values()) {
                    step(t, updates);
                }
                if (!updates.isEmpty()) {
                    reports.commit(new TaskStatusReport(nodeId, updates)).join();
                    updates.forEach(u -> {
                        Task t = assigned.get(u.taskId());
                        assigned.put(u.taskId(), new Task(t.id(), t.meta(), t.serviceId(), t.slot(), t.nodeId(), t.spec(),
                                t.serviceVersion(), t.desiredState(), u.status()));
                    });
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One transition per task per round, never backwards (the agent's step function, in small). */
    private void step(Task t, List<TaskStatusReport.Update> out) {
        TaskState reported = t.status().state();
        TaskState local = containers.getOrDefault(t.id(), reported);
        if (local.isTerminal()) {
            if (!reported.isTerminal()) {
                out.add(update(t, local, exitCode(t), "finished"));
            }
            return;
        }
        if (t.desiredState().ordinal() > TaskState.RUNNING.ordinal()) {
            containers.put(t.id(), TaskState.SHUTDOWN);
            out.add(update(t, TaskState.SHUTDOWN, null, "shutdown"));
            return;
        }
        if (toCrash.remove(t.id())) {
            containers.put(t.id(), TaskState.FAILED);
            out.add(update(t, TaskState.FAILED, 137, "task: non-zero exit (137)"));
            return;
        }
        if (local.ordinal() < TaskState.RUNNING.ordinal()) {
            containers.put(t.id(), TaskState.RUNNING);
            out.add(update(t, TaskState.RUNNING, null, "started", hasHealthcheck(t) ? HealthState.STARTING : null));
            return;
        }
        if (hasHealthcheck(t) && t.status().health() != HealthState.HEALTHY
                && !t.spec().container().args().contains("never-healthy")) {
            out.add(update(t, TaskState.RUNNING, null, "started", HealthState.HEALTHY));
            return;
        }
        Integer exit = exitCode(t);
        if (exit != null) {
            TaskState end = exit == 0 ? TaskState.COMPLETE : TaskState.FAILED;
            containers.put(t.id(), end);
            out.add(update(t, end, exit, exit == 0 ? "finished" : "task: non-zero exit (" + exit + ")"));
        }
    }

    private static Integer exitCode(Task t) {
        List<String> args = t.spec().container().args();
        return args.size() == 2 && args.get(0).equals("exit") ? Integer.valueOf(args.get(1)) : null;
    }

    private static boolean hasHealthcheck(Task t) {
        HealthConfig h = t.spec().container().healthcheck();
        return h != null && !h.test().isEmpty() && !h.test().get(0).equals("NONE");
    }

    private TaskStatusReport.Update update(Task t, TaskState s, Integer exit, String message) {
        return update(t, s, exit, message, t.status().health());
    }

    private TaskStatusReport.Update update(Task t, TaskState s, Integer exit, String message, HealthState health) {
        String error = s == TaskState.FAILED ? message : null;
        return new TaskStatusReport.Update(t.id(), new TaskStatus(s, clock.instant(), message, error,
                exit == null ? null : new ContainerStatus("c-" + t.id(), 1, exit), health));
    }

    @Override
    public void close() {
        disconnect();
    }
}
