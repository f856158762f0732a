package io.jswarm.api.task;

import java.time.Duration;

/**
 * Docker's restart policy. {@code maxAttempts} null or 0 means unlimited; {@code window} null
 * means attempts are counted over the whole life of the slot.
 */
public record RestartPolicy(RestartCondition condition, Duration delay, Integer maxAttempts, Duration window) {
    /** Docker's default: restart on any exit after 5 s, forever. */
    public static final RestartPolicy DEFAULT = new RestartPolicy(RestartCondition.ANY, Duration.ofSeconds(5), null, null);
}
