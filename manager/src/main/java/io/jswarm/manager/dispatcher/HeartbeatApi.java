package io.jswarm.manager.dispatcher;

import io.jswarm.api.node.Node;
import io.jswarm.api.node.NodeRole;
import io.jswarm.manager.api.ApiException;
import io.jswarm.manager.api.Caller;
import io.jswarm.manager.api.HttpJson;
import io.jswarm.manager.api.Wire;
import io.jswarm.manager.store.ClusterStore;
import io.jswarm.manager.store.Kind;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code POST /v1/dispatcher/heartbeat}: any node of the cluster, for itself only (the node id
 * must be the one its certificate names). A manager that is not the leader answers 421 with the
 * leader's address so the node moves its session there.
 */
public final class HeartbeatApi {
    private final Dispatcher dispatcher;
    private final ClusterStore store;
    private final Supplier<Duration> period;
    private final Supplier<Optional<String>> leaderId;

    public HeartbeatApi(Dispatcher dispatcher, ClusterStore store, Supplier<Duration> period,
                        Supplier<Optional<String>> leaderId) {
        this.dispatcher = dispatcher;
        this.store = store;
        this.period = period;
        this.leaderId = leaderId;
    }

    public void mount(Router router) {
        router.post("/v1/dispatcher/heartbeat").handler(ctx -> {
            if (!dispatcher.leading()) {
                // Not an error body: the node reads the leader's address from it and moves there.
                HttpJson.ok(ctx, 421, new Wire.HeartbeatAnswer(period.get(), leaderAddr(), managers()));
                return;
            }
            HttpJson.handle(ctx, this::heartbeat);
        });
    }

    private Future<?> heartbeat(RoutingContext ctx) {
        Caller caller = Caller.of(ctx);
        caller.require(NodeRole.WORKER);
        Wire.Heartbeat hb = HttpJson.body(ctx, Wire.Heartbeat.class);
        if (!caller.local() && !caller.node().nodeId().equals(hb.nodeId())) {
            throw ApiException.forbidden("node " + caller.node().nodeId() + " may not send heartbeats for " + hb.nodeId());
        }
        if (store.view(tx -> tx.get(Kind.NODES, hb.nodeId())).isEmpty()) {
            throw ApiException.forbidden("node " + hb.nodeId() + " is not part of this cluster (removed?)");
        }
        return Future.fromCompletionStage(dispatcher.heartbeat(hb.nodeId()))
                .map(v -> new Wire.HeartbeatAnswer(period.get(), leaderAddr(), managers()));
    }

    private List<String> managers() {
        return store.view(tx -> tx.find(Kind.NODES, Node::isManager)).stream().map(n -> n.status().address()).toList();
    }

    private String leaderAddr() {
        return leaderId.get().flatMap(id -> store.view(tx -> tx.get(Kind.NODES, id)))
                .map(n -> n.status().address()).orElse(null);
    }
}
