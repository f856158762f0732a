package io.jswarm.api.task;

import java.time.Instant;

/**
 * Observed state of a task at {@code timestamp}. {@code message} says what is happening in words
 * a user can act on ("no suitable node (…)"); {@code error} is set when it failed.
 */
public record TaskStatus(
        TaskState state,
        Instant timestamp,
        String message,
        String error,
        ContainerStatus container,
        HealthState health) {

    public static TaskStatus of(TaskState state, Instant at, String message) {
        return new TaskStatus(state, at, message, null, null, null);
    }
}
