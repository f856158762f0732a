package io.jswarm.manager.store;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The cluster state as the rest of the manager sees it. Reads are local and immediate; writes are
 * proposed through the {@link Proposer} and take effect when applied, on every manager, in log
 * order. An {@code update} completes only once its change is visible to {@link #view} on this
 * manager (read-your-writes, also on a follower).
 */
public final class ClusterStore {
    /** Entries proposed and not yet answered at once; beyond this, changes queue and share entries. */
    public static final int DEFAULT_MAX_IN_FLIGHT = 2;
    public static final int DEFAULT_MAX_CHANGES_PER_ENTRY = 256;

    /** How long a consistent read waits for this manager to apply what the leader already has. */
    public static final java.time.Duration CATCH_UP_DEADLINE = java.time.Duration.ofSeconds(5);

    private final StoreState state;
    private final Proposer proposer;
    private final GroupCommitter committer;

    public ClusterStore(StoreState state, Proposer proposer, Clock clock) {
        this(state, proposer, clock, DEFAULT_MAX_IN_FLIGHT, DEFAULT_MAX_CHANGES_PER_ENTRY);
    }

    public ClusterStore(StoreState state, Proposer proposer, Clock clock, int maxInFlight, int maxChangesPerEntry) {
        this.state = state;
        this.proposer = proposer;
        this.committer = new GroupCommitter(proposer, clock, maxInFlight, maxChangesPerEntry);
    }

    public static ClusterStore inMemory(Clock clock) {
        StoreState state = new StoreState();
        return new ClusterStore(state, new InMemoryProposer(state), clock);
    }

    public StoreState state() {
        return state;
    }

    /** Reads this manager's committed state (may lag the leader by the entries not yet applied here). */
    public <R> R view(Function<ReadTx, R> fn) {
        return state.view(fn);
    }

    /**
     * Reads state that includes every write committed before this call (linearizable), or fails
     * with {@link UnavailableException} when this manager cannot confirm it (no quorum).
     */
    public <R> CompletableFuture<R> viewConsistent(Function<ReadTx, R> fn) {
        return proposer.readIndex()
                .thenCompose(index -> state.awaitApplied(index)
                        .orTimeout(CATCH_UP_DEADLINE.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                        .exceptionally(e -> {
                            throw new UnavailableException("this manager has not caught up with the leader (index "
                                    + state.appliedIndex() + " of " + index + ") within " + CATCH_UP_DEADLINE.toSeconds() + " s", e);
                        }))
                .thenApply(v -> state.view(fn));
    }

    /**
     * A consistent snapshot of every table (a backup): includes everything committed before the
     * call, or fails with {@link UnavailableException} without a quorum.
     */
    public CompletableFuture<StoreSnapshot> snapshotConsistent() {
        return viewConsistent(tx -> tx.index()).thenApply(index -> state.snapshot());
    }

    /**
     * Runs {@code fn} on a transaction over the current state and commits what it wrote as one
     * atomic change. Fails with {@link ConflictException} when a row it updated changed meanwhile;
     * exceptions thrown by {@code fn} (validation) fail the future and nothing is proposed.
     */
    public <R> CompletableFuture<R> update(Function<WriteTx, R> fn) {
        record Ran<R>(WriteTx tx, R value) {}
        Ran<R> ran;
        try {
            ran = state.view(read -> {
                WriteTx tx = new WriteTx(read);
                return new Ran<>(tx, fn.apply(tx));
            });
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        WriteTx tx = ran.tx();
        R value = ran.value();
        if (tx.isEmpty()) {
            return CompletableFuture.completedFuture(value);
        }
        return committer.submit(tx.change()).thenCompose(state::awaitApplied).thenApply(v -> value);
    }

    /**
     * Many independent updates at once (e.g. a status batch): each is atomic on its own and may
     * conflict on its own; together they travel in as few log entries as the group commit allows.
     * Completes when all have been decided; element i of the result is null or update i's error.
     */
    public CompletableFuture<List<Throwable>> batch(List<Consumer<WriteTx>> updates) {
        List<CompletableFuture<Void>> each = new ArrayList<>();
        for (Consumer<WriteTx> u : updates) {
            each.add(update(tx -> {
                u.accept(tx);
                return null;
            }));
        }
        return CompletableFuture.allOf(each.stream().map(f -> f.handle((v, e) -> null)).toArray(CompletableFuture[]::new))
                .thenApply(v -> each.stream().map(f -> f.handle((ok, e) -> unwrap(e)).join()).toList());
    }

    private static Throwable unwrap(Throwable t) {
        return t instanceof java.util.concurrent.CompletionException && t.getCause() != null ? t.getCause() : t;
    }

    public Watch watch(Predicate<Event> filter) {
        return state.watch(filter);
    }

    public <R> Watched<R> viewAndWatch(Function<ReadTx, R> fn, Predicate<Event> filter) {
        return state.viewAndWatch(fn, filter);
    }
}
