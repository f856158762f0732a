package io.jswarm.manager.dispatcher;

import io.jswarm.api.node.NodeRole;
import io.jswarm.api.service.PortConfig;
import io.jswarm.api.service.PublishMode;
import io.jswarm.api.service.Service;
import io.jswarm.api.task.Task;
import io.jswarm.manager.api.ApiException;
import io.jswarm.manager.api.Caller;
import io.jswarm.manager.api.HttpJson;
import io.jswarm.manager.store.Kind;
import io.jswarm.manager.store.ReadTx;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /v1/dispatcher/ports} {@code {"nodeId", "serviceIds": [...]}} → {@code {"ports":
 * {serviceId: [PortConfig...]}}}: the host-mode published ports of services that have tasks on the
 * asking node. A task does not carry its service's endpoint, and a worker must publish those ports
 * (nftables DNAT) when it starts the container. Any manager answers from its own store (a port
 * list a little behind the leader is re-read when the task's service version is newer).
 */
public final class WorkerPortsApi {
    private final io.jswarm.manager.store.ClusterStore store;

    public WorkerPortsApi(io.jswarm.manager.store.ClusterStore store) {
        this.store = store;
    }

    public record Request(String nodeId, List<String> serviceIds) {}

    public record Answer(Map<String, List<PortConfig>> ports) {}

    public void mount(Router router) {
        router.post("/v1/dispatcher/ports").handler(ctx -> HttpJson.handle(ctx, this::ports));
    }

    private Future<?> ports(RoutingContext ctx) {
        Request req = HttpJson.body(ctx, Request.class);
        Caller caller = Caller.of(ctx);
        caller.require(NodeRole.WORKER);
        if (req.nodeId() == null || req.nodeId().isBlank()) {
            throw ApiException.badInput("nodeId", "must not be empty");
        }
        if (!caller.local() && !caller.node().nodeId().equals(req.nodeId())) {
            throw ApiException.forbidden("node " + caller.node().nodeId() + " may not act for " + req.nodeId());
        }
        if (req.serviceIds() == null) {
            throw ApiException.badInput("serviceIds", "required");
        }
        return Future.succeededFuture(store.view(tx -> new Answer(hostPorts(tx, req))));
    }

    /** Pure over one read: only services with a task on the node, only host-mode ports with a published port. */
    static Map<String, List<PortConfig>> hostPorts(ReadTx tx, Request req) {
        Map<String, List<PortConfig>> out = new LinkedHashMap<>();
        List<Task> onNode = tx.find(Kind.TASKS, t -> req.nodeId().equals(t.nodeId()));
        for (String id : req.serviceIds()) {
            if (id == null || onNode.stream().noneMatch(t -> id.equals(t.serviceId()))) {
                continue;
            }
            tx.get(Kind.SERVICES, id).map(Service::spec).ifPresent(spec -> out.put(id, spec.endpoint().ports().stream()
                    .filter(p -> p.publishMode() == PublishMode.HOST && p.publishedPort() != null).toList()));
        }
        return out;
    }
}
