package io.jswarm.manager.store;

import static io.jswarm.manager.store.StoreFixtures.node;
import static io.jswarm.manager.store.StoreFixtures.object;
import static io.jswarm.manager.store.StoreFixtures.withAvailability;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jswarm.api.node.Availability;
import io.jswarm.api.node.Node;
import io.jswarm.testkit.FakeClock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class ClusterStoreTest {
    private final FakeClock clock = new FakeClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final ClusterStore store = ClusterStore.inMemory(clock);

    private static Throwable failure(java.util.concurrent.CompletableFuture<?> f) {
        CompletionException e = assertThrows(CompletionException.class, f::join);
        return e.getCause();
    }

    @Test
    void aCreatedRowCarriesTheLogIndexAsVersionAndTheProposersTime() {
        store.update(tx -> { tx.create(Kind.NODES, node("a")); return null; }).join();
        Node a = store.view(tx -> tx.get(Kind.NODES, "a")).orElseThrow();
        assertEquals(1, a.meta().version());
        assertEquals(clock.instant(), a.meta().createdAt());
        assertEquals(1, store.view(ReadTx::index));
    }

    @Test
    void anUpdateFromAStaleReadIsAConflictAndChangesNothing() {
        store.update(tx -> { tx.create(Kind.NODES, node("a")); return null; }).join();
        Node read = store.view(tx -> tx.get(Kind.NODES, "a")).orElseThrow();
        store.update(tx -> { tx.update(Kind.NODES, withAvailability(read, Availability.PAUSE)); return null; }).join();

        // Same stale read again, together with an unrelated create: the whole change is refused.
        Throwable e = failure(store.update(tx -> {
            tx.create(Kind.OBJECTS, object("x", "1"));
            tx.update(Kind.NODES, withAvailability(read, Availability.DRAIN));
            return null;
        }));
        assertInstanceOf(ConflictException.class, e);
        assertTrue(e.getMessage().contains("version 1 but the current version is 2"), e.getMessage());
        Node now = store.view(tx -> tx.get(Kind.NODES, "a")).orElseThrow();
        assertEquals(Availability.PAUSE, now.spec().availability());
        assertTrue(store.view(tx -> tx.get(Kind.OBJECTS, "x")).isEmpty(), "half of a refused change was applied");
    }

    @Test
    void creatingAnExistingRowOrUpdatingAMissingOneConflicts() {
        store.update(tx -> { tx.create(Kind.OBJECTS, object("k", "1")); return null; }).join();
        assertInstanceOf(ConflictException.class, failure(store.update(tx -> { tx.create(Kind.OBJECTS, object("k", "2")); return null; })));
        StoredObject ghost = new StoredObject("nope", new io.jswarm.api.Meta(5, clock.instant(), clock.instant()), "v");
        assertInstanceOf(ConflictException.class, failure(store.update(tx -> { tx.update(Kind.OBJECTS, ghost); return null; })));
        assertInstanceOf(ConflictException.class, failure(store.update(tx -> { tx.delete(Kind.OBJECTS, "k", 7); return null; })));
        store.update(tx -> { tx.delete(Kind.OBJECTS, "k", 1); return null; }).join();
        assertTrue(store.view(tx -> tx.list(Kind.OBJECTS)).isEmpty());
    }

    @Test
    void aTransactionReadsItsOwnWrites() {
        int seen = store.update(tx -> {
            tx.create(Kind.OBJECTS, object("a", "1"));
            tx.create(Kind.OBJECTS, object("b", "2"));
            tx.delete(Kind.OBJECTS, "a", Mutation.ANY_VERSION);
            return tx.list(Kind.OBJECTS).size();
        }).join();
        assertEquals(1, seen);
        assertEquals(List.of("b"), store.view(tx -> tx.list(Kind.OBJECTS).stream().map(StoredObject::id).toList()));
    }

    @Test
    void anExceptionInTheUpdateFunctionProposesNothing() {
        Throwable e = failure(store.update(tx -> {
            tx.create(Kind.OBJECTS, object("a", "1"));
            throw new IllegalArgumentException("name: must not be empty");
        }));
        assertEquals("name: must not be empty", e.getMessage());
        assertEquals(0, store.view(ReadTx::index));
    }

    @Test
    void aBatchDecidesEachUpdateOnItsOwn() {
        store.update(tx -> { tx.create(Kind.OBJECTS, object("taken", "0")); return null; }).join();
        List<Throwable> results = store.batch(List.of(
                tx -> tx.create(Kind.OBJECTS, object("a", "1")),
                tx -> tx.create(Kind.OBJECTS, object("taken", "1")),
                tx -> tx.create(Kind.OBJECTS, object("b", "1")))).join();
        assertNull(results.get(0));
        assertInstanceOf(ConflictException.class, results.get(1));
        assertNull(results.get(2));
        assertEquals(3, store.view(tx -> tx.list(Kind.OBJECTS)).size());
    }

    @Test
    void aSnapshotRestoresEveryTableAndTheIndex() {
        store.update(tx -> { tx.create(Kind.NODES, node("n1")); tx.create(Kind.OBJECTS, object("o", "v")); return null; }).join();
        byte[] bytes = store.state().encodeSnapshot();
        StoreState copy = new StoreState();
        copy.restore(StoreState.decodeSnapshot(bytes));
        assertEquals(1, copy.appliedIndex());
        List<Node> original = store.view(tx -> tx.list(Kind.NODES));
        List<Node> restored = copy.view(tx -> tx.list(Kind.NODES));
        assertEquals(original, restored);
        assertEquals("v", copy.view(tx -> tx.get(Kind.OBJECTS, "o")).orElseThrow().value());
    }

    @Test
    void anEntryFromANewerFormatIsRefusedNotMisread() {
        byte[] newer = new LogEntry(LogEntry.CHANGES, LogEntry.FORMAT_VERSION + 1, clock.instant(), List.of()).encode();
        assertThrows(UnsupportedEntryException.class, () -> LogEntry.decode(newer));
        byte[] unknown = new LogEntry("store.frobnicate", 1, clock.instant(), List.of()).encode();
        assertThrows(UnsupportedEntryException.class, () -> LogEntry.decode(unknown));
    }
}
