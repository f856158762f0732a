package io.jswarm.api.service;

import java.time.Duration;

/**
 * How a rolling update (or rollback) proceeds: {@code parallelism} tasks at a time (0 = all),
 * {@code delay} between batches, each new task watched for {@code monitor}; more than
 * {@code maxFailureRatio} failed tasks triggers {@code failureAction}.
 */
public record UpdateConfig(
        int parallelism,
        Duration delay,
        FailureAction failureAction,
        Duration monitor,
        double maxFailureRatio,
        UpdateOrder order) {

    /** Docker's defaults. */
    public static final UpdateConfig DEFAULT =
            new UpdateConfig(1, Duration.ZERO, FailureAction.PAUSE, Duration.ofSeconds(5), 0, UpdateOrder.STOP_FIRST);
}
