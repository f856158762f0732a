package io.jswarm.manager.cluster;

import static io.jswarm.manager.cluster.TestCluster.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import io.jswarm.api.node.Node;
import io.jswarm.api.node.NodeState;
import io.jswarm.manager.api.Wire;
import io.jswarm.manager.client.ApiResponse;
import io.jswarm.manager.store.StoreJson;
import io.jswarm.manager.store.StoredObject;
import io.jswarm.testkit.Await;
import io.vertx.core.http.HttpMethod;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three managers and a worker, each in its own JVM on its own loopback address: the story of a
 * leader crash, a dead worker, a full restart and a quorum loss, checked from the outside.
 */
class ManagerFailoverTest {
    private static final Duration HEARTBEAT = Duration.ofMillis(500);

    @TempDir
    Path root;

    static List<Node> nodes(NodeProcess m) {
        try {
            return StoreJson.mapper().readValue(ok(m.call(HttpMethod.GET, "/v1/nodes", null)).body(),
                    new TypeReference<List<Node>>() {});
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    static Node node(NodeProcess m, String id) {
        return nodes(m).stream().filter(n -> n.id().equals(id)).findFirst().orElseThrow();
    }

    static String read(NodeProcess m, String id) {
        ApiResponse r = m.call(HttpMethod.GET, "/v1/objects/" + id, null);
        return r.ok() ? r.as(StoredObject.class).value() : "HTTP " + r.status() + " " + r.body();
    }

    @Test
    @org.junit.jupiter.api.Timeout(300)
    void survivesLeaderCrashWorkerDeathFullRestartAndReportsQuorumLoss() throws Exception {
        try (TestCluster c = new TestCluster(root)) {
            NodeProcess m1 = c.add("m1", "127.0.31.1");
            NodeProcess m2 = c.add("m2", "127.0.31.2");
            NodeProcess m3 = c.add("m3", "127.0.31.3");
            NodeProcess w1 = c.add("w1", "127.0.31.4");
            List<NodeProcess> managers = List.of(m1, m2, m3);
            c.startAll();
            c.init(m1, HEARTBEAT);
            Wire.JoinTokens tokens = c.tokens(m1);
            ok(c.join(m2, tokens.manager(), m1));
            ok(c.join(m3, tokens.manager(), m1));
            ok(c.join(w1, tokens.worker(), m1));
            String workerId = c.info(w1).nodeId();
            Await.until("4 nodes READY", Duration.ofSeconds(30),
                    () -> nodes(m1).stream().filter(n -> n.status().state() == NodeState.READY).count() == 4);
            assertEquals(3, c.raft(m3).voters().size());

            // Acknowledged writes, some through followers (forwarded to the leader by Raft).
            Map<String, String> acked = new TreeMap<>();
            for (int i = 0; i < 30; i++) {
                NodeProcess via = managers.get(i % 3);
                if (c.put(via, "k" + i, "v" + i).ok()) {
                    acked.put("k" + i, "v" + i);
                }
            }
            assertEquals(30, acked.size());
            long workerVersion = node(m1, workerId).meta().version();

            // 1. kill -9 the leader: a new leader and a successful write, nothing acknowledged lost.
            NodeProcess leader = c.leader(managers);
            List<NodeProcess> survivors = new ArrayList<>(managers);
            survivors.remove(leader);
            long killedAt = System.nanoTime();
            leader.kill9();
            Await.until("a write after the leader crash", Duration.ofSeconds(20),
                    () -> c.put(survivors.get(0), "after-failover", "x").ok());
            long failoverMs = (System.nanoTime() - killedAt) / 1_000_000;
            System.out.println("failover: first successful write " + failoverMs + " ms after kill -9 of the leader");
            // Generous bound for a shared 2-core CI box; bench/ measures against the 3 s target.
            assertTrue(failoverMs < 10_000, "failover took " + failoverMs + " ms");
            for (NodeProcess s : survivors) {
                for (Map.Entry<String, String> e : acked.entrySet()) {
                    assertEquals(e.getValue(), read(s, e.getKey()), "acknowledged " + e.getKey() + " on " + s.name);
                }
            }
            // The failover marked the worker neither DOWN nor anything else: its row was not rewritten.
            assertEquals(NodeState.READY, node(survivors.get(0), workerId).status().state());
            assertEquals(workerVersion, node(survivors.get(0), workerId).meta().version());

            // 2. kill -9 the worker: DOWN within the grace (3 periods) plus a check interval.
            w1.kill9();
            Await.until("worker DOWN", Duration.ofSeconds(15),
                    () -> node(survivors.get(0), workerId).status().state(), s -> s == NodeState.DOWN);

            // 3. the old leader comes back and catches up.
            leader.start().awaitUp();
            Await.until(leader.name + " caught up", Duration.ofSeconds(30), () -> read(leader, "after-failover"), "x"::equals);

            // 4. restart every manager: identical state afterwards.
            Map<String, String> before = new TreeMap<>();
            for (String k : acked.keySet()) {
                before.put(k, read(m1, k));
            }
            List<Node> nodesBefore = nodes(m1);
            for (NodeProcess m : managers) {
                m.stop();
            }
            for (NodeProcess m : managers) {
                m.start();
            }
            for (NodeProcess m : managers) {
                m.awaitUp();
            }
            c.leader(managers);
            for (NodeProcess m : managers) {
                Await.until(m.name + " serving reads after restart", Duration.ofSeconds(30), () -> read(m, "k0"), "v0"::equals);
                Map<String, String> after = new TreeMap<>();
                for (String k : acked.keySet()) {
                    after.put(k, read(m, k));
                }
                assertEquals(before, after, "objects on " + m.name + " after a full restart");
                assertEquals(nodesBefore.stream().map(n -> n.id() + n.spec()).sorted().toList(),
                        nodes(m).stream().map(n -> n.id() + n.spec()).sorted().toList());
            }

            // 5. lose quorum: writes fail fast and say why.
            m1.kill9();
            m2.kill9();
            long start = System.nanoTime();
            ApiResponse refused = c.put(m3, "no-quorum", "y");
            long tookMs = (System.nanoTime() - start) / 1_000_000;
            assertEquals(503, refused.status(), refused.body());
            assertTrue(refused.error().contains("no Raft quorum"), refused.error());
            assertTrue(tookMs < 10_000, "the refused write took " + tookMs + " ms");
        }
    }
}
