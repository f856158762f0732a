package io.jswarm.manager.store;

import java.util.concurrent.CompletableFuture;

/**
 * Gets log entries committed and applied, hiding how (Raft in production, a local counter in
 * unit tests). The store never learns whether it is replicated.
 */
public interface Proposer {
    /**
     * Proposes an entry; completes with the result of applying it once it is committed. Fails with
     * {@link UnavailableException} when it cannot be committed in time (no quorum).
     */
    CompletableFuture<EntryResult> propose(LogEntry entry);

    /**
     * Completes with a log index such that every entry committed before this call has an index
     * at or below it (a linearizable read point). Fails with {@link UnavailableException} when
     * that cannot be confirmed (this manager lost contact with a majority).
     */
    CompletableFuture<Long> readIndex();
}
