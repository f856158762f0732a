package io.jswarm.manager.store;

import static io.jswarm.manager.store.StoreFixtures.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jswarm.testkit.FakeClock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class GroupCommitTest {

    /** A proposer that holds entries until released, like a slow Raft round trip. */
    static final class HeldProposer implements Proposer {
        final StoreState state = new StoreState();
        final InMemoryProposer inner = new InMemoryProposer(state);
        final List<Runnable> held = new ArrayList<>();
        final List<Integer> entrySizes = new ArrayList<>();

        @Override
        public synchronized CompletableFuture<EntryResult> propose(LogEntry entry) {
            entrySizes.add(entry.changes().size());
            CompletableFuture<EntryResult> f = new CompletableFuture<>();
            held.add(() -> f.complete(inner.propose(entry).join()));
            return f;
        }

        @Override
        public CompletableFuture<Long> readIndex() {
            return inner.readIndex();
        }

        void releaseAll() {
            while (true) {
                List<Runnable> now;
                synchronized (this) {
                    if (held.isEmpty()) {
                        return;
                    }
                    now = new ArrayList<>(held);
                    held.clear();
                }
                now.forEach(Runnable::run);
            }
        }
    }

    @Test
    void updatesArrivingTogetherShareLogEntries() {
        HeldProposer proposer = new HeldProposer();
        ClusterStore store = new ClusterStore(proposer.state, proposer, new FakeClock(), 2, 256);
        List<Consumer<WriteTx>> updates = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            String id = "o" + i;
            updates.add(tx -> tx.create(Kind.OBJECTS, object(id, "v")));
        }
        CompletableFuture<List<Throwable>> done = store.batch(updates);
        proposer.releaseAll();
        assertTrue(done.join().stream().allMatch(e -> e == null), "some update failed: " + done.join());
        assertEquals(100, store.view(tx -> tx.list(Kind.OBJECTS)).size());
        // Two go out at once (the in-flight limit); the other 98 wait and travel together.
        assertEquals(List.of(1, 1, 98), proposer.entrySizes);
    }

    @Test
    void aLoneWriterIsProposedAtOnce() {
        HeldProposer proposer = new HeldProposer();
        ClusterStore store = new ClusterStore(proposer.state, proposer, new FakeClock(), 2, 256);
        CompletableFuture<Object> f = store.update(tx -> { tx.create(Kind.OBJECTS, object("a", "1")); return null; });
        assertEquals(List.of(1), proposer.entrySizes);
        proposer.releaseAll();
        f.join();
    }
}
