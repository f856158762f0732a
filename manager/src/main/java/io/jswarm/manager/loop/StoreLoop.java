package io.jswarm.manager.loop;

import io.jswarm.manager.store.ClusterStore;
import io.jswarm.manager.store.Event;
import io.jswarm.manager.store.Watch;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A leader-only control loop on its own thread: single-threaded, so its state needs no locks,
 * and it meets the other loops only through the store.
 *
 * <p>Shape (swarmkit's): watch first, then a full pass (events may have been missed before the
 * watch existed or while another manager led); afterwards every batch of committed events only
 * marks work dirty and {@link #work} runs once per batch, so a commit of 1,000 tasks costs one
 * pass, not 1,000. {@link #work} must wait for its own writes to be applied before returning:
 * the next pass then reads them and never decides the same thing twice.
 *
 * <p>Time comes from the injected clock. The loop wakes at least every {@link #TICK} to let
 * {@link #work} act on deadlines (restart delays), so a test's fake clock is noticed within a tick.
 */
public abstract class StoreLoop implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StoreLoop.class);
    static final Duration TICK = Duration.ofMillis(50);
    private static final int MAX_EVENTS_PER_BATCH = 50_000;

    protected final ClusterStore store;
    protected final Clock clock;
    private final String name;
    private volatile boolean running;
    private Thread thread;

    protected StoreLoop(String name, ClusterStore store, Clock clock) {
        this.name = name;
        this.store = store;
        this.clock = clock;
    }

    /** Which committed events this loop reacts to. Called on the store's apply path: must be cheap. */
    protected abstract boolean interested(Event e);

    /** Marks everything dirty (leadership start, or after the watch overflowed). */
    protected abstract void fullPass();

    /** Marks what this event makes dirty. */
    protected abstract void onEvent(Event e);

    /** Does the dirty work (and anything due at {@code now}); blocks until its writes are applied. */
    protected abstract void work(Instant now);

    public final synchronized void start() {
        if (thread != null) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "jswarm-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        while (running) {
            try (Watch watch = store.watch(this::interested)) {
                fullPass();
                while (running && !watch.isClosed()) {
                    List<Event> batch = new ArrayList<>();
                    Event e = watch.poll(TICK);
                    while (e != null && batch.size() < MAX_EVENTS_PER_BATCH) {
                        batch.add(e);
                        e = watch.poll(Duration.ZERO);
                    }
                    if (e != null) {
                        batch.add(e);
                    }
                    batch.forEach(this::onEvent);
                    passSafely();
                }
                if (watch.overflowed()) {
                    LOG.warn("{}: fell behind the store's events; doing a full pass", name);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void passSafely() throws InterruptedException {
        try {
            work(clock.instant());
        } catch (RuntimeException e) {
            // A lost quorum or an unexpected row: keep the loop alive; dirty marks stay set.
            LOG.warn("{}: pass failed: {}", name, e.toString());
            Thread.sleep(TICK.toMillis()); // back off instead of spinning on a failing store
        }
    }

    /** Stops the loop and waits for its thread; the next {@link #start} begins with a full pass. */
    @Override
    public final void close() {
        Thread t;
        synchronized (this) {
            running = false;
            t = thread;
            thread = null;
        }
        if (t != null) {
            t.interrupt();
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    protected final String name() {
        return name;
    }
}
