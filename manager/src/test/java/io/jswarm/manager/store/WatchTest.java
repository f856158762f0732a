package io.jswarm.manager.store;

import static io.jswarm.manager.store.StoreFixtures.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jswarm.testkit.FakeClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class WatchTest {
    private final ClusterStore store = ClusterStore.inMemory(new FakeClock());

    @Test
    void aWatchSeesMatchingEventsInCommitOrder() throws Exception {
        try (Watch w = store.watch(e -> e.is(Kind.OBJECTS))) {
            store.update(tx -> { tx.create(Kind.OBJECTS, object("a", "1")); return null; }).join();
            store.update(tx -> { tx.create(Kind.NODES, StoreFixtures.node("n")); return null; }).join();
            StoredObject a = store.view(tx -> tx.get(Kind.OBJECTS, "a")).orElseThrow();
            store.update(tx -> { tx.update(Kind.OBJECTS, new StoredObject("a", a.meta(), "2")); return null; }).join();
            store.update(tx -> { tx.delete(Kind.OBJECTS, "a", Mutation.ANY_VERSION); return null; }).join();

            Event created = w.poll(Duration.ofSeconds(1));
            Event updated = w.poll(Duration.ofSeconds(1));
            Event deleted = w.poll(Duration.ofSeconds(1));
            assertEquals(List.of(Op.CREATE, Op.UPDATE, Op.DELETE), List.of(created.op(), updated.op(), deleted.op()));
            assertEquals(List.of(1L, 3L, 4L), List.of(created.index(), updated.index(), deleted.index()));
            assertEquals("1", ((StoredObject) updated.previous()).value());
            assertEquals("2", updated.rowAs(Kind.OBJECTS).value());
            assertNull(w.poll(Duration.ofMillis(10)), "the node event leaked through the filter");
        }
    }

    /**
     * Writers run while a reader takes a view plus a watch; replaying the events over the view must
     * give exactly the final state. A gap (an event between view and watch) loses a value.
     */
    @Test
    void viewAndWatchLeavesNoGapUnderConcurrentWrites() throws Exception {
        int writers = 4;
        int perWriter = 500;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int id = w;
                running.add(pool.submit(() -> {
                    for (int i = 0; i < perWriter; i++) {
                        String key = "w" + id + "-" + (i % 10);
                        String value = String.valueOf(i);
                        store.update(tx -> {
                            tx.get(Kind.OBJECTS, key).ifPresentOrElse(
                                    old -> tx.update(Kind.OBJECTS, new StoredObject(key, old.meta(), value)),
                                    () -> tx.create(Kind.OBJECTS, object(key, value)));
                            return null;
                        }).join();
                    }
                }));
            }
            // Start watching somewhere in the middle of the writes.
            io.jswarm.testkit.Await.until("some writes", Duration.ofSeconds(10), () -> store.view(ReadTx::index) > 50);
            Watched<Map<String, Long>> watched = store.viewAndWatch(tx -> {
                Map<String, Long> m = new TreeMap<>();
                tx.list(Kind.OBJECTS).forEach(o -> m.put(o.id(), o.meta().version()));
                return m;
            }, e -> e.is(Kind.OBJECTS));
            for (Future<?> f : running) {
                f.get();
            }
            // Every event must continue exactly from the version the view (or the last event) left.
            Map<String, Long> replayed = new TreeMap<>(watched.value());
            long lastIndex = 0;
            int events = 0;
            Event e;
            while ((e = watched.watch().poll(Duration.ofMillis(50))) != null) {
                // Changes committed in one entry (group commit) share its index; never decreasing.
                assertEquals(true, e.index() >= lastIndex, "events out of order");
                lastIndex = e.index();
                long before = e.previous() == null ? 0 : ((StoredObject) e.previous()).meta().version();
                assertEquals(replayed.getOrDefault(e.id(), 0L), before, "gap before event " + e);
                replayed.put(e.id(), e.rowAs(Kind.OBJECTS).meta().version());
                events++;
            }
            assertTrue(events > 0, "the watch started after all writes; the test proves nothing");
            Map<String, Long> actual = new TreeMap<>();
            store.view(tx -> tx.list(Kind.OBJECTS)).forEach(o -> actual.put(o.id(), o.meta().version()));
            assertEquals(actual, replayed);
            assertNotNull(watched.value());
            watched.watch().close();
        } finally {
            pool.shutdownNow();
        }
    }
}
