package io.jswarm.manager.stack;

import io.jswarm.api.service.ServiceMode;
import io.jswarm.api.task.HealthState;
import io.jswarm.api.task.Task;
import io.jswarm.api.task.TaskState;
import io.jswarm.compose.model.Dependency.Condition;
import io.jswarm.manager.api.ServiceWire.ServiceView;
import java.util.Comparator;
import java.util.List;

/**
 * Pure: does a service meet a depends_on condition, and what was seen (for the failure message).
 * "Started" and "healthy" ask for as many tasks as the service wants (all replicas, or one per
 * eligible node), not just one: a dependent should find its dependency whole, as a converged
 * {@code service create} would. A service that wants no tasks meets them at once.
 * "Completed": a job has finished all its completions; another service has a task that exited 0.
 */
public final class Readiness {
    private Readiness() {}

    public record Verdict(boolean met, String seen) {}

    public static Verdict check(Condition condition, ServiceView view, List<Task> tasks) {
        ServiceMode mode = view.service().spec().mode();
        int desired = view.desired();
        int running = 0;
        int healthy = 0;
        int completed = 0;
        for (Task t : tasks) {
            TaskState s = t.status().state();
            if (s == TaskState.RUNNING && t.desiredState() == TaskState.RUNNING) {
                running++;
                if (t.status().health() == HealthState.HEALTHY) {
                    healthy++;
                }
            } else if (s == TaskState.COMPLETE && exitedZero(t)) {
                completed++;
            }
        }
        boolean job = mode.isJob();
        boolean met = switch (condition) {
            case SERVICE_STARTED -> running + (job ? completed : 0) >= desired;
            case SERVICE_HEALTHY -> healthy >= desired;
            case SERVICE_COMPLETED_SUCCESSFULLY -> job ? completed >= desired && desired > 0 || desired == 0 : completed > 0;
        };
        String counts = switch (condition) {
            case SERVICE_STARTED -> (running + (job ? completed : 0)) + " of " + desired + " tasks running";
            case SERVICE_HEALTHY -> healthy + " of " + desired + " tasks healthy (" + running + " running)";
            case SERVICE_COMPLETED_SUCCESSFULLY -> completed + " of " + (job ? desired : 1) + " tasks completed";
        };
        return new Verdict(met, counts + latestTrouble(tasks));
    }

    private static boolean exitedZero(Task t) {
        var c = t.status().container();
        return c == null || c.exitCode() == null || c.exitCode() == 0;
    }

    /** The newest task that failed, is unhealthy or cannot be placed: the likeliest reason for waiting. */
    private static String latestTrouble(List<Task> tasks) {
        return tasks.stream()
                .filter(t -> t.status().error() != null || t.status().health() == HealthState.UNHEALTHY
                        || t.status().health() == HealthState.STARTING
                        || (t.status().state() == TaskState.PENDING && t.status().message() != null && !t.status().message().isEmpty()))
                .max(Comparator.comparing((Task t) -> t.status().timestamp(), Comparator.nullsFirst(Comparator.naturalOrder())))
                .map(t -> "; task " + t.id() + " (slot " + t.slot() + "): " + t.status().state().name().toLowerCase()
                        + (t.status().health() != null && t.status().health() != HealthState.NONE
                                ? ", health " + t.status().health().name().toLowerCase() : "")
                        + (t.status().error() != null ? ": " + t.status().error()
                                : t.status().message() != null && !t.status().message().isEmpty() ? ": " + t.status().message() : ""))
                .orElse("");
    }

    /** "to be healthy", for messages. */
    public static String words(Condition c) {
        return switch (c) {
            case SERVICE_STARTED -> "to be started";
            case SERVICE_HEALTHY -> "to be healthy";
            case SERVICE_COMPLETED_SUCCESSFULLY -> "to complete successfully";
        };
    }
}
