package io.jswarm.manager.stack;

import io.jswarm.api.service.Service;
import io.jswarm.api.task.Task;
import io.jswarm.manager.api.ServiceViews;
import io.jswarm.manager.store.ClusterStore;
import io.jswarm.manager.store.Kind;
import io.jswarm.manager.store.ReadTx;
import io.jswarm.manager.store.Watch;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Performs a {@link StackPlan} step by step, blocking (run it off the event loop). Before a
 * service is created or updated, each of its depends_on targets must meet its condition: the
 * applier watches the store (woken by every task, service or node change) and re-checks with
 * {@link Readiness}, until the condition holds or {@code timeout} (measured on the injected clock)
 * has passed since the wait began; then it fails naming the service and what it last saw.
 * Services that the plan leaves unchanged are not waited for: nothing is written for them.
 */
public final class StackApplier {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);
    /** Longest sleep between checks without a store event: lets the clock's deadline be noticed. */
    static final Duration TICK = Duration.ofMillis(50);

    private final ClusterStore store;
    private final ServiceWriter writer;
    private final Clock clock;

    public StackApplier(ClusterStore store, ServiceWriter writer, Clock clock) {
        this.store = store;
        this.writer = writer;
        this.clock = clock;
    }

    /** Applies every step in order; returns the steps done. Throws {@link StackException} at the first failure. */
    public List<StackPlan.Step> apply(StackPlan plan, List<StackWire.Wait> waits, Duration timeout) {
        List<StackPlan.Step> done = new ArrayList<>();
        for (StackPlan.Step step : plan.steps()) {
            if (!(step instanceof StackPlan.Remove)) {
                for (StackWire.Wait w : waits) {
                    if (w.service().equals(step.service())) {
                        await(w, timeout);
                    }
                }
            }
            try {
                if (step instanceof StackPlan.Create c) {
                    writer.create(c.spec());
                } else if (step instanceof StackPlan.Update u) {
                    writer.update(u.current(), u.spec());
                } else if (step instanceof StackPlan.Remove r) {
                    writer.remove(r.current());
                }
            } catch (RuntimeException e) {
                Throwable cause = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
                throw new StackException(step.service(), step.action() + " failed: " + cause.getMessage());
            }
            done.add(step);
        }
        return done;
    }

    private void await(StackWire.Wait w, Duration timeout) {
        Instant deadline = clock.instant().plus(timeout);
        Watch watch = null;
        try {
            while (true) {
                if (watch == null || watch.isClosed()) {
                    // Watch before reading, so no change between the read and the wait is missed.
                    watch = store.watch(e -> e.is(Kind.TASKS) || e.is(Kind.SERVICES) || e.is(Kind.NODES));
                }
                Optional<Readiness.Verdict> verdict = store.view(tx -> check(tx, w));
                if (verdict.isEmpty()) {
                    if (!w.required()) {
                        return;
                    }
                    throw new StackException(w.service(), "depends on " + w.on() + ", which is not deployed");
                }
                if (verdict.get().met()) {
                    return;
                }
                if (!clock.instant().isBefore(deadline)) {
                    throw new StackException(w.service(), "waited " + seconds(timeout) + " for " + w.on() + " "
                            + Readiness.words(w.condition()) + "; last seen: " + verdict.get().seen());
                }
                // Drain what arrived, then wait for the next change or the tick.
                if (watch.poll(TICK) != null) {
                    while (watch.poll(Duration.ZERO) != null) {
                        // every change leads to one re-check
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException(w.service(), "interrupted while waiting for " + w.on());
        } finally {
            if (watch != null) {
                watch.close();
            }
        }
    }

    private static Optional<Readiness.Verdict> check(ReadTx tx, StackWire.Wait w) {
        Optional<Service> s = tx.find(Kind.SERVICES, x -> x.spec().name().equals(w.on())).stream().findFirst();
        if (s.isEmpty()) {
            return Optional.empty();
        }
        List<Task> tasks = tx.find(Kind.TASKS, t -> t.serviceId().equals(s.get().id()));
        return Optional.of(Readiness.check(w.condition(), ServiceViews.of(s.get(), tasks, tx.list(Kind.NODES)), tasks));
    }

    private static String seconds(Duration d) {
        long s = d.toSeconds();
        return s >= 60 && s % 60 == 0 ? s / 60 + "m" : s + "s";
    }
}
