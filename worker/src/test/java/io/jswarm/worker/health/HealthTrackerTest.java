package io.jswarm.worker.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jswarm.api.task.HealthConfig;
import io.jswarm.api.task.HealthState;
import io.jswarm.testkit.FakeClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class HealthTrackerTest {
    final FakeClock clock = new FakeClock();
    final Instant t0 = clock.instant();

    static HealthConfig config(int retries, Duration startPeriod) {
        return new HealthConfig(List.of("CMD", "true"), Duration.ofSeconds(5), Duration.ofSeconds(2), retries, startPeriod);
    }

    @Test
    void startsStartingAndBecomesHealthyOnFirstSuccess() {
        HealthTracker h = new HealthTracker(config(3, null), t0);
        assertEquals(HealthState.STARTING, h.state());
        assertFalse(h.due(clock.advance(Duration.ofSeconds(4))));
        assertTrue(h.due(clock.advance(Duration.ofSeconds(1))));
        assertEquals(HealthState.HEALTHY, h.record(true, "ok", clock.instant()));
        assertEquals(clock.instant().plusSeconds(5), h.nextProbeAt());
    }

    @Test
    void unhealthyAfterRetriesConsecutiveFailuresAndBackOnSuccess() {
        HealthTracker h = new HealthTracker(config(3, null), t0);
        h.record(true, "", clock.advance(Duration.ofSeconds(5)));
        h.record(false, "down", clock.advance(Duration.ofSeconds(5)));
        h.record(false, "down", clock.advance(Duration.ofSeconds(5)));
        assertEquals(HealthState.HEALTHY, h.state());
        assertEquals(HealthState.UNHEALTHY, h.record(false, "still down", clock.advance(Duration.ofSeconds(5))));
        assertEquals("health check failed 3 times in a row: still down", h.reason());
        assertEquals(HealthState.HEALTHY, h.record(true, "", clock.advance(Duration.ofSeconds(5))));
        assertEquals(0, h.failureStreak());
    }

    @Test
    void successResetsTheStreak() {
        HealthTracker h = new HealthTracker(config(2, null), t0);
        h.record(false, "", clock.advance(Duration.ofSeconds(5)));
        h.record(true, "", clock.advance(Duration.ofSeconds(5)));
        assertEquals(HealthState.HEALTHY, h.record(false, "", clock.advance(Duration.ofSeconds(5))));
    }

    @Test
    void failuresInTheStartPeriodDoNotCount() {
        HealthTracker h = new HealthTracker(config(1, Duration.ofSeconds(20)), t0);
        assertEquals(HealthState.STARTING, h.record(false, "", clock.advance(Duration.ofSeconds(5))));
        assertEquals(HealthState.STARTING, h.record(false, "", clock.advance(Duration.ofSeconds(10))));
        assertEquals(0, h.failureStreak());
        assertEquals(HealthState.UNHEALTHY, h.record(false, "", clock.advance(Duration.ofSeconds(10))));
    }

    @Test
    void defaultsApplyWhenUnset() {
        HealthTracker h = new HealthTracker(new HealthConfig(List.of("CMD-SHELL", "true"), null, null, null, null), t0);
        assertEquals(t0.plusSeconds(30), h.nextProbeAt());
        assertEquals(Duration.ofSeconds(30), h.timeout());
    }

    @Test
    void testArgvFollowsDocker() {
        assertEquals(List.of("wget", "-q", "localhost"), HealthProber.argv(new HealthConfig(List.of("CMD", "wget", "-q", "localhost"), null, null, null, null)));
        assertEquals(List.of("/bin/sh", "-c", "exit 1"), HealthProber.argv(new HealthConfig(List.of("CMD-SHELL", "exit 1"), null, null, null, null)));
        assertThrows(IllegalArgumentException.class, () -> HealthProber.argv(new HealthConfig(List.of("BOGUS"), null, null, null, null)));
    }
}
