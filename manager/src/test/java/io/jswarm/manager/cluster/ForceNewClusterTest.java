package io.jswarm.manager.cluster;

import static io.jswarm.manager.cluster.TestCluster.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jswarm.manager.store.StoredObject;
import io.jswarm.testkit.Await;
import io.vertx.core.http.HttpMethod;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** R6 recovery: the lone survivor of 3 managers forces a new cluster and keeps all committed state. */
class ForceNewClusterTest {
    @TempDir
    Path root;

    static String read(NodeProcess m, String id) {
        var r = m.call(HttpMethod.GET, "/v1/objects/" + id, null);
        return r.ok() ? r.as(StoredObject.class).value() : "HTTP " + r.status();
    }

    @Test
    @Timeout(240)
    void theLastManagerStandingRecoversEverythingCommitted() throws Exception {
        try (TestCluster c = new TestCluster(root)) {
            NodeProcess m1 = c.add("m1", "127.0.37.1");
            NodeProcess m2 = c.add("m2", "127.0.37.2");
            NodeProcess m3 = c.add("m3", "127.0.37.3");
            c.startAll();
            c.init(m1, Duration.ofMillis(500));
            String token = c.tokens(m1).manager();
            ok(c.join(m2, token, m1));
            ok(c.join(m3, token, m1));
            for (int i = 0; i < 20; i++) {
                ok(c.put(m2, "k" + i, "v" + i));
            }
            Await.until("m1 has every write", Duration.ofSeconds(20), () -> read(m1, "k19"), "v19"::equals);
            m2.kill9();
            m3.kill9();
            assertEquals(503, c.put(m1, "lost-quorum", "x").status());

            ok(m1.call(HttpMethod.POST, "/v1/swarm/force-new-cluster", null));
            assertEquals(1, c.raft(m1).voters().size());
            ok(c.put(m1, "after", "y"));
            for (int i = 0; i < 20; i++) {
                assertEquals("v" + i, read(m1, "k" + i));
            }
            assertEquals(1, ManagerFailoverTest.nodes(m1).stream().filter(n -> n.isManager()).count());
            // And it survives a restart as a one-manager cluster.
            m1.stop();
            m1.start().awaitUp();
            Await.until("m1 serving after restart", Duration.ofSeconds(30), () -> read(m1, "after"), "y"::equals);
            assertEquals(List.of(c.info(m1).nodeId()), c.raft(m1).voters().stream().map(v -> v.id()).toList());
        }
    }
}
