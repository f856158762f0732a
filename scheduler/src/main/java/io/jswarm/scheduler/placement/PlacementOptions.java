package io.jswarm.scheduler.placement;

import java.time.Duration;
import java.util.Objects;

/**
 * Scheduler settings. {@code failureThreshold} failed tasks of one service on one node within
 * {@code failureWindow} make the node a last resort for that service until the failures age
 * out (swarmkit: 5 within 5 minutes). A service may choose its strategy with the label
 * {@value #STRATEGY_LABEL} ({@code spread} or {@code binpack}).
 */
public record PlacementOptions(Strategy defaultStrategy, int failureThreshold, Duration failureWindow) {
    public static final String STRATEGY_LABEL = "io.jswarm.placement.strategy";
    public static final PlacementOptions DEFAULT = new PlacementOptions(Strategy.SPREAD, 5, Duration.ofMinutes(5));

    public PlacementOptions {
        Objects.requireNonNull(defaultStrategy, "defaultStrategy");
        Objects.requireNonNull(failureWindow, "failureWindow");
        if (failureThreshold < 1) {
            throw new IllegalArgumentException("failureThreshold: must be at least 1, got " + failureThreshold);
        }
    }
}
