package io.jswarm.worker.health;

import io.jswarm.api.task.HealthConfig;
import io.jswarm.api.task.HealthState;
import java.time.Duration;
import java.time.Instant;

/**
 * Docker's health-check state machine, without I/O or clocks of its own: the caller says when
 * the container started and reports each probe's result with its time.
 *
 * <ul>
 *   <li>STARTING until the first success; failures during the start period do not count.</li>
 *   <li>Any success → HEALTHY and the failure streak resets.</li>
 *   <li>{@code retries} consecutive counted failures → UNHEALTHY (until a success).</li>
 *   <li>Probes run every {@code interval}, the first one {@code interval} after the start.</li>
 * </ul>
 */
public final class HealthTracker {
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    public static final int DEFAULT_RETRIES = 3;

    private final Duration interval;
    private final Duration timeout;
    private final int retries;
    private final Duration startPeriod;
    private final Instant startedAt;

    private HealthState state = HealthState.STARTING;
    private int failureStreak;
    private Instant nextProbeAt;
    private String lastOutput = "";

    public HealthTracker(HealthConfig config, Instant startedAt) {
        this.interval = positiveOr(config.interval(), DEFAULT_INTERVAL);
        this.timeout = positiveOr(config.timeout(), DEFAULT_TIMEOUT);
        this.retries = config.retries() == null || config.retries() < 1 ? DEFAULT_RETRIES : config.retries();
        this.startPeriod = config.startPeriod() == null ? Duration.ZERO : config.startPeriod();
        this.startedAt = startedAt;
        this.nextProbeAt = startedAt.plus(interval);
    }

    private static Duration positiveOr(Duration d, Duration dflt) {
        return d == null || d.isZero() || d.isNegative() ? dflt : d;
    }

    public HealthState state() {
        return state;
    }

    public Duration timeout() {
        return timeout;
    }

    public Instant nextProbeAt() {
        return nextProbeAt;
    }

    public boolean due(Instant now) {
        return !now.isBefore(nextProbeAt);
    }

    public int failureStreak() {
        return failureStreak;
    }

    /** The last probe's output (trimmed), which explains an UNHEALTHY verdict. */
    public String lastOutput() {
        return lastOutput;
    }

    /** Records one probe that finished at {@code at}; returns the new state. */
    public HealthState record(boolean success, String output, Instant at) {
        lastOutput = output == null ? "" : output.strip();
        nextProbeAt = at.plus(interval);
        if (success) {
            failureStreak = 0;
            state = HealthState.HEALTHY;
            return state;
        }
        boolean inStartPeriod = state == HealthState.STARTING && at.isBefore(startedAt.plus(startPeriod));
        if (!inStartPeriod) {
            failureStreak++;
            if (failureStreak >= retries) {
                state = HealthState.UNHEALTHY;
            }
        }
        return state;
    }

    /** Why the container is unhealthy, in words for the task status. */
    public String reason() {
        return "health check failed " + failureStreak + " times in a row" + (lastOutput.isEmpty() ? "" : ": " + lastOutput);
    }
}
