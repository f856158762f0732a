package io.jswarm.manager.cluster;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jswarm.manager.api.Wire;
import io.jswarm.manager.client.ApiResponse;
import io.jswarm.testkit.Await;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Nodes in separate JVMs on 127.0.0.x; closes every process it started, even on failure. */
final class TestCluster implements AutoCloseable {
    final Vertx vertx = Vertx.vertx();
    final Path root;
    final List<NodeProcess> nodes = new ArrayList<>();

    TestCluster(Path root) {
        this.root = root;
    }

    NodeProcess add(String name, String ip) {
        NodeProcess n = new NodeProcess(vertx, root, name, ip);
        nodes.add(n);
        return n;
    }

    /** Starts all the JVMs at once (they take a while), then waits for each. */
    void startAll() throws IOException {
        for (NodeProcess n : nodes) {
            n.start();
        }
        for (NodeProcess n : nodes) {
            n.awaitUp();
        }
    }

    static ApiResponse ok(ApiResponse r) {
        assertTrue(r.ok(), "expected success, got " + r.status() + " " + r.body());
        return r;
    }

    void init(NodeProcess first, Duration heartbeat) {
        ok(first.call(HttpMethod.POST, "/v1/swarm/init", new Wire.InitRequest(first.ip, null, heartbeat)));
    }

    Wire.JoinTokens tokens(NodeProcess manager) {
        return ok(manager.call(HttpMethod.GET, "/v1/join-tokens", null)).as(Wire.JoinTokens.class);
    }

    ApiResponse join(NodeProcess joiner, String token, NodeProcess manager) {
        return joiner.call(HttpMethod.POST, "/v1/swarm/join", new Wire.JoinRequest(token, manager.ip + ":2377", joiner.ip, null));
    }

    Wire.RaftStatus raft(NodeProcess manager) {
        return ok(manager.call(HttpMethod.GET, "/v1/raft", null)).as(Wire.RaftStatus.class);
    }

    ApiResponse put(NodeProcess manager, String id, String value) {
        return manager.call(HttpMethod.PUT, "/v1/objects/" + id, new Wire.ObjectWrite(id, value));
    }

    /** The node whose Raft member leads, as seen by every live manager (they must agree). */
    NodeProcess leader(List<NodeProcess> managers) {
        String id = Await.until("an agreed leader", Duration.ofSeconds(20), () -> {
            String seen = null;
            for (NodeProcess m : managers) {
                if (!m.alive()) {
                    continue;
                }
                String l = raft(m).leader();
                if (l == null || (seen != null && !seen.equals(l))) {
                    return null;
                }
                seen = l;
            }
            return seen;
        }, v -> v != null);
        for (NodeProcess m : managers) {
            if (id.equals(info(m).nodeId())) {
                return m;
            }
        }
        throw new AssertionError("leader " + id + " is not one of " + managers.size() + " managers");
    }

    Wire.Info info(NodeProcess n) {
        return ok(n.call(HttpMethod.GET, "/v1/info", null)).as(Wire.Info.class);
    }

    static Map<String, Object> body(Object... kv) {
        Map<String, Object> m = new java.util.HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @Override
    public void close() {
        for (NodeProcess n : nodes) {
            n.close();
        }
        vertx.close().await();
    }
}
