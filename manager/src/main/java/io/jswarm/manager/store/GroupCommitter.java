package io.jswarm.manager.store;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Group commit: changes that arrive while earlier entries are still being committed wait in a
 * queue and then travel together in one log entry. A lone writer pays no extra latency (its change
 * is proposed at once); many writers share entries, so a burst costs a few entries, not thousands.
 *
 * <p>Invariant: at most {@code maxInFlight} entries are proposed and not yet answered.
 */
final class GroupCommitter {
    private record Pending(Change change, CompletableFuture<Long> result) {}

    private final Proposer proposer;
    private final Clock clock;
    private final int maxInFlight;
    private final int maxChangesPerEntry;
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private int inFlight;

    GroupCommitter(Proposer proposer, Clock clock, int maxInFlight, int maxChangesPerEntry) {
        this.proposer = proposer;
        this.clock = clock;
        this.maxInFlight = maxInFlight;
        this.maxChangesPerEntry = maxChangesPerEntry;
    }

    /** Completes with the log index the change was applied at, or fails with a {@link StoreException}. */
    CompletableFuture<Long> submit(Change change) {
        CompletableFuture<Long> f = new CompletableFuture<>();
        synchronized (this) {
            queue.add(new Pending(change, f));
        }
        drain();
        return f;
    }

    private void drain() {
        while (true) {
            List<Pending> batch;
            synchronized (this) {
                if (inFlight >= maxInFlight || queue.isEmpty()) {
                    return;
                }
                batch = new ArrayList<>();
                while (!queue.isEmpty() && batch.size() < maxChangesPerEntry) {
                    batch.add(queue.poll());
                }
                inFlight++;
            }
            propose(batch);
        }
    }

    private void propose(List<Pending> batch) {
        List<Change> changes = batch.stream().map(Pending::change).toList();
        CompletableFuture<EntryResult> proposed;
        try {
            proposed = proposer.propose(LogEntry.changes(clock.instant(), changes));
        } catch (RuntimeException e) {
            proposed = CompletableFuture.failedFuture(e);
        }
        proposed.whenComplete((result, error) -> {
            synchronized (this) {
                inFlight--;
            }
            for (int i = 0; i < batch.size(); i++) {
                CompletableFuture<Long> f = batch.get(i).result();
                if (error != null) {
                    f.completeExceptionally(unwrap(error));
                } else if (result.conflicts().get(i) != null) {
                    f.completeExceptionally(new ConflictException(result.conflicts().get(i)));
                } else {
                    f.complete(result.index());
                }
            }
            drain();
        });
    }

    private static Throwable unwrap(Throwable t) {
        return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    }
}
