package io.jswarm.manager.cluster;

import static io.jswarm.manager.cluster.TestCluster.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jswarm.manager.api.Wire;
import io.jswarm.manager.client.ApiResponse;
import io.jswarm.manager.store.StoredObject;
import io.jswarm.testkit.Await;
import io.vertx.core.http.HttpMethod;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * RAFT.md's pitfall: a manager that lost its data directory must not come back under its old Raft
 * id. It rejoins as a new node; the dead member is removed from the voters (which the quorum
 * rules allow with 2 of 3 up); the new member catches up and the group has 3 voters again.
 */
class WipedManagerTest {
    @TempDir
    Path root;

    @Test
    @Timeout(240)
    void aWipedManagerRejoinsUnderANewIdAfterTheOldOneIsRemoved() throws Exception {
        try (TestCluster c = new TestCluster(root)) {
            NodeProcess m1 = c.add("m1", "127.0.36.1");
            NodeProcess m2 = c.add("m2", "127.0.36.2");
            NodeProcess m3 = c.add("m3", "127.0.36.3");
            c.startAll();
            c.init(m1, Duration.ofMillis(500));
            String token = c.tokens(m1).manager();
            ok(c.join(m2, token, m1));
            ok(c.join(m3, token, m1));
            ok(c.put(m1, "before", "1"));
            NodeProcess leader = c.leader(List.of(m1, m2, m3));
            NodeProcess victim = leader == m3 ? m2 : m3;
            String oldId = c.info(victim).nodeId();

            victim.kill9();
            try (Stream<Path> files = Files.walk(victim.dataDir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
            // Refused while it still reports READY (the leader has not noticed yet), allowed once DOWN.
            Await.until("old member removable", Duration.ofSeconds(20), () -> leader.call(HttpMethod.DELETE,
                    "/v1/nodes/" + oldId, null), r -> r.ok());
            assertEquals(2, c.raft(leader).voters().size());

            victim.start().awaitUp();
            ok(c.join(victim, token, leader));
            String newId = c.info(victim).nodeId();
            assertTrue(!newId.equals(oldId), "rejoined under its old id");
            assertEquals(3, c.raft(leader).voters().size());
            ok(c.put(leader, "after", "2"));
            Await.until("new member caught up", Duration.ofSeconds(30), () -> {
                ApiResponse r = victim.call(HttpMethod.GET, "/v1/objects/before", null);
                return r.ok() ? r.as(StoredObject.class).value() : r.body();
            }, "1"::equals);

            // With the new member counted, removing a live member's peer would still keep quorum,
            // but removing the leader is refused outright.
            String leaderId = c.info(leader).nodeId();
            ApiResponse refused = leader.call(HttpMethod.DELETE, "/v1/nodes/" + leaderId + "?force=true", null);
            assertEquals(409, refused.status(), refused.body());
            Wire.RaftStatus status = c.raft(victim);
            assertEquals(3, status.voters().size());
        }
    }
}
