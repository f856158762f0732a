package io.jswarm.worker.task;

import io.jswarm.api.task.ContainerStatus;
import io.jswarm.api.task.HealthState;
import io.jswarm.api.task.Task;
import io.jswarm.api.task.TaskState;
import io.jswarm.api.task.TaskStatus;
import java.time.Clock;

/**
 * Advances a task by at most one state per call (swarmkit's exec.Do): ASSIGNED → ACCEPTED →
 * PREPARING → READY → STARTING → RUNNING → COMPLETE/FAILED, REJECTED when preparing fails, and
 * SHUTDOWN when the managers want it stopped. It never moves a task backwards (the model refuses
 * to) and never touches a terminal task again.
 *
 * <p>{@link #plan} and {@link #apply} are the pure decision; {@link #step} performs the planned
 * controller call between them.
 */
public final class TaskStep {
    private TaskStep() {}

    /** What one step does for a task in its current state. */
    public enum Action {
        /** Nothing to do: terminal, or not assigned yet. */
        NONE,
        /** A bookkeeping transition with no controller call (ASSIGNED→ACCEPTED, ACCEPTED→PREPARING, READY→STARTING). */
        ADVANCE,
        PREPARE,
        START,
        OBSERVE,
        SHUTDOWN
    }

    /** The controller's answer to an action; {@code error} set when it threw. */
    public record Outcome(Observation observation, String error) {
        public static final Outcome OK = new Outcome(null, null);

        public static Outcome failed(String error) {
            return new Outcome(null, error);
        }

        public static Outcome observed(Observation o) {
            return new Outcome(o, null);
        }
    }

    public static Action plan(Task task) {
        TaskState s = task.status().state();
        if (s.isTerminal() || s.ordinal() < TaskState.ASSIGNED.ordinal()) {
            return Action.NONE;
        }
        if (task.desiredState().ordinal() >= TaskState.SHUTDOWN.ordinal()) {
            return Action.SHUTDOWN;
        }
        return switch (s) {
            case ASSIGNED, ACCEPTED -> Action.ADVANCE;
            case PREPARING -> Action.PREPARE;
            case READY -> task.desiredState().ordinal() >= TaskState.RUNNING.ordinal() ? Action.ADVANCE : Action.NONE;
            case STARTING -> Action.START;
            case RUNNING -> Action.OBSERVE;
            default -> Action.NONE;
        };
    }

    /** The task after {@code action} produced {@code outcome}. Pure. */
    public static Task apply(Task task, Action action, Outcome outcome, Clock clock) {
        TaskStatus cur = task.status();
        TaskState s = cur.state();
        return switch (action) {
            case NONE -> task;
            case ADVANCE -> switch (s) {
                case ASSIGNED -> to(task, TaskState.ACCEPTED, "accepted", null, clock);
                case ACCEPTED -> to(task, TaskState.PREPARING, "preparing", null, clock);
                case READY -> to(task, TaskState.STARTING, "starting", null, clock);
                default -> task;
            };
            case PREPARE -> outcome.error() == null
                    ? to(task, TaskState.READY, "prepared", null, clock)
                    : to(task, TaskState.REJECTED, "rejected: " + outcome.error(), outcome.error(), clock);
            case START -> outcome.error() == null
                    ? to(task, TaskState.RUNNING, "started", null, clock)
                    : to(task, TaskState.FAILED, "failed to start: " + outcome.error(), outcome.error(), clock);
            case OBSERVE -> observed(task, outcome, clock);
            case SHUTDOWN -> outcome.error() == null
                    ? to(task, TaskState.SHUTDOWN, "shut down", null, clock)
                    : to(task, TaskState.FAILED, "failed to stop: " + outcome.error(), outcome.error(), clock);
        };
    }

    private static Task observed(Task task, Outcome outcome, Clock clock) {
        if (outcome.error() != null) {
            return to(task, TaskState.FAILED, outcome.error(), outcome.error(), clock);
        }
        Observation o = outcome.observation();
        String containerId = task.status().container() == null ? task.id() : task.status().container().containerId();
        if (o.exit() != null) {
            int code = o.exit().exitCode();
            ContainerStatus cs = new ContainerStatus(containerId, null, code);
            if (code == 0 && !o.exit().oomKilled()) {
                return task.withStatus(new TaskStatus(TaskState.COMPLETE, clock.instant(), "finished", null, cs, task.status().health()));
            }
            return task.withStatus(new TaskStatus(TaskState.FAILED, clock.instant(), "task: non-zero exit (" + code + ")",
                    o.exit().message(), cs, task.status().health()));
        }
        ContainerStatus cs = new ContainerStatus(containerId, o.pid() == null ? null : o.pid().intValue(), null);
        if (o.health() == HealthState.UNHEALTHY) {
            return task.withStatus(new TaskStatus(TaskState.FAILED, clock.instant(), "unhealthy container",
                    "unhealthy: " + o.healthReason(), cs, HealthState.UNHEALTHY));
        }
        TaskStatus now = task.status();
        if (o.health() == now.health() && cs.equals(now.container())) {
            return task; // nothing new: no status update to send
        }
        return task.withStatus(new TaskStatus(TaskState.RUNNING, clock.instant(), now.message(), null, cs, o.health()));
    }

    private static Task to(Task task, TaskState next, String message, String error, Clock clock) {
        TaskStatus cur = task.status();
        ContainerStatus cs = cur.container() != null ? cur.container() : new ContainerStatus(task.id(), null, null);
        return task.withStatus(new TaskStatus(next, clock.instant(), message, error, cs, cur.health()));
    }

    /**
     * One step: plan, call the controller, apply. An unhealthy container is stopped here before
     * its task is reported FAILED, so the orchestrator's replacement never runs beside it.
     */
    public static Task step(Task task, Controller controller, Clock clock) {
        Action action = plan(task);
        Outcome outcome;
        try {
            outcome = switch (action) {
                case NONE, ADVANCE -> Outcome.OK;
                case PREPARE -> { controller.prepare(); yield Outcome.OK; }
                case START -> { controller.start(); yield Outcome.OK; }
                case SHUTDOWN -> { controller.shutdown(); yield Outcome.OK; }
                case OBSERVE -> {
                    Observation o = controller.observe();
                    if (o.exit() == null && o.health() == HealthState.UNHEALTHY) {
                        controller.shutdown();
                    }
                    yield Outcome.observed(o);
                }
            };
        } catch (RuntimeException e) {
            outcome = Outcome.failed(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
        return apply(task, action, outcome, clock);
    }
}
