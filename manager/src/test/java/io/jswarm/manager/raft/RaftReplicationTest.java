package io.jswarm.manager.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jswarm.manager.store.ConflictException;
import io.jswarm.manager.store.Kind;
import io.jswarm.manager.store.StoredObject;
import io.jswarm.manager.store.UnavailableException;
import io.jswarm.testkit.Await;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Three Ratis members in one JVM: replication, follower forwarding, snapshots, restart, quorum loss. */
class RaftReplicationTest {
    @TempDir
    Path dir;

    private static List<StoredObject> objects(io.jswarm.manager.store.ClusterStore s) {
        return s.view(tx -> tx.list(Kind.OBJECTS));
    }

    @Test
    void writesThroughAFollowerReplicateToAllAndSurviveARestartFromSnapshots() throws Exception {
        RaftSettings settings = RaftSettings.defaults().withSnapshotEvery(40);
        try (RaftTestCluster c = new RaftTestCluster(dir, 3, settings)) {
            c.startAll();
            int leader = c.awaitLeader();
            int follower = (leader + 1) % 3;
            List<CompletableFuture<Object>> writes = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                String id = "k" + i;
                writes.add(c.stores[follower].update(tx -> {
                    tx.create(Kind.OBJECTS, new StoredObject(id, null, "v" + id));
                    return null;
                }));
            }
            writes.forEach(CompletableFuture::join);
            // Read-your-writes on the follower that proposed.
            assertEquals(100, objects(c.stores[follower]).size());
            // A stale update through the Raft path is still a conflict.
            StoredObject k0 = c.stores[leader].view(tx -> tx.get(Kind.OBJECTS, "k0")).orElseThrow();
            c.stores[leader].update(tx -> { tx.update(Kind.OBJECTS, new StoredObject("k0", k0.meta(), "new")); return null; }).join();
            CompletionException e = assertThrows(CompletionException.class, () -> c.stores[follower].update(tx -> {
                tx.update(Kind.OBJECTS, new StoredObject("k0", k0.meta(), "lost")); return null; }).join());
            assertInstanceOf(ConflictException.class, e.getCause());

            for (int i = 0; i < 3; i++) {
                int m = i;
                Await.until("member " + m + " caught up", Duration.ofSeconds(10),
                        () -> objects(c.stores[m]).equals(objects(c.stores[leader])));
            }
            List<StoredObject> before = objects(c.stores[leader]);
            for (int i = 0; i < 3; i++) {
                c.stop(i);
            }
            try (Stream<Path> files = Files.walk(dir)) {
                assertTrue(files.anyMatch(p -> p.getFileName().toString().matches("snapshot\\.\\d+_\\d+")),
                        "no snapshot file was written");
            }
            c.startAll();
            c.awaitLeader();
            for (int i = 0; i < 3; i++) {
                int m = i;
                Await.until("member " + m + " recovered", Duration.ofSeconds(20), () -> objects(c.stores[m]).equals(before));
            }
            // And the restarted cluster still takes writes.
            c.stores[0].update(tx -> { tx.create(Kind.OBJECTS, new StoredObject("after", null, "x")); return null; }).join();
        }
    }

    @Test
    void withoutAQuorumWritesAndConsistentReadsFailWithAClearError() throws IOException {
        RaftSettings settings = RaftSettings.defaults().withWriteDeadline(Duration.ofSeconds(2));
        try (RaftTestCluster c = new RaftTestCluster(dir, 3, settings)) {
            c.startAll();
            c.awaitLeader();
            c.stores[0].update(tx -> { tx.create(Kind.OBJECTS, new StoredObject("a", null, "1")); return null; }).join();
            c.stop(1);
            c.stop(2);
            long start = System.nanoTime();
            CompletionException e = assertThrows(CompletionException.class, () -> c.stores[0].update(tx -> {
                tx.create(Kind.OBJECTS, new StoredObject("b", null, "2")); return null; }).join());
            long tookMs = (System.nanoTime() - start) / 1_000_000;
            assertInstanceOf(UnavailableException.class, e.getCause());
            assertTrue(e.getCause().getMessage().startsWith("no Raft quorum"), e.getCause().getMessage());
            assertTrue(tookMs < 10_000, "the write hung for " + tookMs + " ms");
            CompletionException r = assertThrows(CompletionException.class,
                    () -> c.stores[0].viewConsistent(tx -> tx.list(Kind.OBJECTS)).join());
            assertInstanceOf(UnavailableException.class, r.getCause());
        }
    }
}
