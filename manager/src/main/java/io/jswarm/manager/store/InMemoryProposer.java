package io.jswarm.manager.store;

import java.util.concurrent.CompletableFuture;

/**
 * A single-node "log" for unit tests: each entry is applied at the next index right away.
 * Synchronized so that entries are applied in the order their indexes were given.
 */
public final class InMemoryProposer implements Proposer {
    private final StoreState state;
    private long lastIndex;

    public InMemoryProposer(StoreState state) {
        this.state = state;
        this.lastIndex = state.appliedIndex();
    }

    @Override
    public synchronized CompletableFuture<EntryResult> propose(LogEntry entry) {
        // Round-trip through the wire format so tests exercise what Raft would carry.
        LogEntry decoded = LogEntry.decode(entry.encode());
        return CompletableFuture.completedFuture(state.apply(++lastIndex, decoded));
    }

    @Override
    public synchronized CompletableFuture<Long> readIndex() {
        return CompletableFuture.completedFuture(lastIndex);
    }
}
