package io.jswarm.manager.dispatcher;

import io.jswarm.api.node.Node;
import io.jswarm.api.node.NodeState;
import io.jswarm.api.node.NodeStatus;
import io.jswarm.manager.store.ClusterStore;
import io.jswarm.manager.store.Kind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import io.jswarm.manager.store.WriteTx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The leader's side of worker sessions: it records heartbeats in memory (they are not worth a
 * Raft entry each) and writes only state changes to the store: READY when a node is heard from,
 * DOWN when it stays silent past the grace. Status writes that happen together share log entries
 * through the store's group commit.
 */
public final class Dispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

    private final ClusterStore store;
    private final Clock clock;
    private final Map<String, Instant> lastSeen = new ConcurrentHashMap<>();
    private volatile Instant leaderSince;

    public Dispatcher(ClusterStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Called when this manager wins leadership: forget what a previous term saw. */
    public void becameLeader() {
        lastSeen.clear();
        leaderSince = clock.instant();
    }

    public void lostLeadership() {
        leaderSince = null;
        lastSeen.clear();
    }

    public boolean leading() {
        return leaderSince != null;
    }

    /** Records a heartbeat; completes once the node shows READY in the store (at once if it already does). */
    public CompletableFuture<Void> heartbeat(String nodeId) {
        lastSeen.put(nodeId, clock.instant());
        Optional<Node> node = store.view(tx -> tx.get(Kind.NODES, nodeId));
        if (node.isEmpty()) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("node " + nodeId + " is not part of this cluster"));
        }
        if (node.get().status().state() == NodeState.READY) {
            return CompletableFuture.completedFuture(null);
        }
        return store.update(tx -> {
            setState(tx, nodeId, NodeState.READY, "");
            return null;
        }).thenApply(v -> null);
    }

    private static void setState(WriteTx tx, String nodeId, NodeState state, String message) {
        tx.get(Kind.NODES, nodeId).ifPresent(n -> {
            if (n.status().state() != state) {
                tx.update(Kind.NODES, new Node(n.id(), n.meta(), n.spec(), n.description(),
                        new NodeStatus(state, message, n.status().address()), n.managerStatus()));
            }
        });
    }

    /** One pass of the node monitor: marks DOWN the READY nodes that missed their heartbeats. */
    public CompletableFuture<List<String>> checkLiveness(Duration period) {
        Instant since = leaderSince;
        if (since == null) {
            return CompletableFuture.completedFuture(List.of());
        }
        Set<String> ready = store.view(tx -> tx.find(Kind.NODES, n -> n.status().state() == NodeState.READY))
                .stream().map(Node::id).collect(Collectors.toSet());
        List<String> down = NodeLiveness.expired(ready, Map.copyOf(lastSeen), since, clock.instant(), period);
        if (down.isEmpty()) {
            return CompletableFuture.completedFuture(down);
        }
        LOG.info("marking DOWN after {} missed heartbeats: {}", NodeLiveness.MISSED_PERIODS, down);
        String message = "heartbeat failure: no heartbeat for " + NodeLiveness.grace(period).toSeconds() + "s";
        List<Consumer<WriteTx>> updates = new ArrayList<>();
        for (String id : down) {
            updates.add(tx -> setState(tx, id, NodeState.DOWN, message));
        }
        return store.batch(updates).thenApply(results -> down);
    }

    public void forget(String nodeId) {
        lastSeen.remove(nodeId);
    }
}
