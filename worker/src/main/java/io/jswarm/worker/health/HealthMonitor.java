package io.jswarm.worker.health;

import io.jswarm.api.task.HealthConfig;
import io.jswarm.api.task.HealthState;
import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.time.Duration;

/**
 * Drives one container's {@link HealthTracker} with real probes on a scheduler: one probe at a
 * time (the next is scheduled when the last finishes, as Docker does), until closed.
 */
public final class HealthMonitor implements AutoCloseable {
    private final String containerId;
    private final HealthConfig config;
    private final HealthProber prober;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final HealthTracker tracker;
    private volatile ScheduledFuture<?> next;
    private volatile boolean closed;

    public HealthMonitor(String containerId, HealthConfig config, HealthProber prober, ScheduledExecutorService scheduler, Clock clock) {
        this.containerId = containerId;
        this.config = config;
        this.prober = prober;
        this.scheduler = scheduler;
        this.clock = clock;
        this.tracker = new HealthTracker(config, clock.instant());
        HealthProber.argv(config); // a malformed test fails now, not on the first probe
        schedule();
    }

    private void schedule() {
        if (closed) {
            return;
        }
        long delay = Math.max(0, Duration.between(clock.instant(), tracker.nextProbeAt()).toMillis());
        next = scheduler.schedule(this::probeOnce, delay, TimeUnit.MILLISECONDS);
    }

    private void probeOnce() {
        if (closed) {
            return;
        }
        HealthProber.Result r;
        try {
            r = prober.probe(containerId, config, tracker.timeout());
        } catch (RuntimeException e) {
            r = new HealthProber.Result(false, e.getMessage());
        }
        synchronized (tracker) {
            tracker.record(r.success(), r.output(), clock.instant());
        }
        schedule();
    }

    public HealthState state() {
        synchronized (tracker) {
            return tracker.state();
        }
    }

    public String reason() {
        synchronized (tracker) {
            return tracker.reason();
        }
    }

    @Override
    public void close() {
        closed = true;
        ScheduledFuture<?> f = next;
        if (f != null) {
            f.cancel(false);
        }
    }
}
