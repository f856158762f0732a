package io.jswarm.manager.node;

import io.jswarm.manager.api.Wire;
import io.jswarm.manager.client.ApiClient;
import io.jswarm.manager.client.ApiResponse;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node's session with the leader: a heartbeat every period the manager chose, to the leader
 * (followers answer with its address). When no manager answers it tries the next one it knows,
 * backing off with jitter so that many nodes reconnecting after a failover do not arrive at once.
 */
final class SessionAgent implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SessionAgent.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(2);

    private final Vertx vertx;
    private final ApiClient client;
    private final String nodeId;
    private final Consumer<List<String>> managersChanged;
    private volatile List<String> managers;
    private volatile String target;
    private volatile Duration period = ManagerRuntime.DEFAULT_HEARTBEAT;
    private volatile boolean closed;
    private int failures;
    private long timer = -1;

    SessionAgent(Vertx vertx, ApiClient client, String nodeId, List<String> managers, Consumer<List<String>> managersChanged) {
        this.vertx = vertx;
        this.client = client;
        this.nodeId = nodeId;
        this.managers = List.copyOf(managers);
        this.managersChanged = managersChanged;
        this.target = managers.isEmpty() ? null : managers.get(0);
    }

    /** The manager the heartbeats go to: the leader once a heartbeat succeeded. */
    String target() {
        return target;
    }

    void start() {
        vertx.runOnContext(v -> beat());
    }

    private void beat() {
        if (closed) {
            return;
        }
        if (target == null) {
            schedule(backoff());
            return;
        }
        String to = target;
        client.call(to, HttpMethod.POST, "/v1/dispatcher/heartbeat", new Wire.Heartbeat(nodeId)).onComplete(ar -> {
            if (ar.succeeded() && ar.result().ok()) {
                Wire.HeartbeatAnswer a = ar.result().as(Wire.HeartbeatAnswer.class);
                failures = 0;
                period = a.period();
                if (a.managerAddrs() != null && !a.managerAddrs().isEmpty() && !a.managerAddrs().equals(managers)) {
                    managers = List.copyOf(a.managerAddrs());
                    managersChanged.accept(managers);
                }
                schedule(period);
            } else {
                ApiResponse r = ar.succeeded() ? ar.result() : null;
                String leader = r != null && r.status() == 421 ? r.as(Wire.HeartbeatAnswer.class).leaderAddr() : null;
                if (leader != null && !leader.equals(to)) {
                    target = leader;
                    schedule(Duration.ZERO);
                    return;
                }
                failures++;
                if (failures % 3 == 1) {
                    LOG.debug("heartbeat to {} failed: {}", to, r != null ? r.error() : ar.cause().getMessage());
                }
                target = next(to);
                schedule(backoff());
            }
        });
    }

    private String next(String current) {
        List<String> all = new ArrayList<>(managers);
        if (all.isEmpty()) {
            return current;
        }
        int i = all.indexOf(current);
        return all.get((i + 1) % all.size());
    }

    /** Exponential up to {@link #MAX_BACKOFF}, with full jitter. */
    private Duration backoff() {
        long capMs = Math.min(MAX_BACKOFF.toMillis(), 50L << Math.min(failures, 6));
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(capMs / 2, capMs + 1));
    }

    private void schedule(Duration d) {
        if (closed) {
            return;
        }
        timer = vertx.setTimer(Math.max(1, d.toMillis()), id -> beat());
    }

    @Override
    public void close() {
        closed = true;
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }
}
