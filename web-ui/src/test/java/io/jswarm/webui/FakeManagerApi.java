package io.jswarm.webui;

import com.fasterxml.jackson.databind.JsonNode;
import io.jswarm.api.Meta;
import io.jswarm.api.json.Json;
import io.jswarm.api.node.Availability;
import io.jswarm.api.node.ManagerStatus;
import io.jswarm.api.node.Node;
import io.jswarm.api.node.NodeDescription;
import io.jswarm.api.node.NodeResources;
import io.jswarm.api.node.NodeRole;
import io.jswarm.api.node.NodeSpec;
import io.jswarm.api.node.NodeState;
import io.jswarm.api.node.NodeStatus;
import io.jswarm.api.node.Platform;
import io.jswarm.api.node.Reachability;
import io.jswarm.api.service.Service;
import io.jswarm.api.service.ServiceMode;
import io.jswarm.api.service.ServiceSpec;
import io.jswarm.api.task.ContainerSpec;
import io.jswarm.api.task.HealthState;
import io.jswarm.api.task.Task;
import io.jswarm.api.task.TaskSpec;
import io.jswarm.api.task.TaskState;
import io.jswarm.api.task.TaskStatus;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for the manager's /v1 API as written in the API contract, small enough to reason
 * about: it keeps nodes, services and tasks in maps, applies scale/update/drain/remove the way the
 * orchestrator would (at once), and streams every change as a server-sent event. The dashboard
 * tests are about the dashboard, so the real scheduler is not needed here.
 */
final class FakeManagerApi implements AutoCloseable {
    static final String UNSCHEDULABLE = "no suitable node (insufficient resources on 3 nodes)";

    private final Vertx vertx;
    private final HttpServer server;
    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final Map<String, Service> services = new LinkedHashMap<>();
    private final Map<String, Task> tasks = new LinkedHashMap<>();
    private final List<HttpServerResponse> streams = new CopyOnWriteArrayList<>();
    private final List<Map<String, String>> requestHeaders = new CopyOnWriteArrayList<>();
    private long version = 10;
    private volatile boolean refuseStreams;
    private volatile List<Map<String, Object>> stackProblems;

    private FakeManagerApi(Vertx vertx) {
        this.vertx = vertx;
        Router r = Router.router(vertx);
        r.route().handler(BodyHandler.create());
        r.route().handler(ctx -> {
            Map<String, String> h = new LinkedHashMap<>();
            ctx.request().headers().forEach(e -> h.put(e.getKey().toLowerCase(), e.getValue()));
            requestHeaders.add(h);
            ctx.next();
        });
        r.get("/v1/cluster").handler(ctx -> json(ctx, 200, Map.of("id", "fakecluster")));
        r.get("/v1/nodes").handler(ctx -> json(ctx, 200, list(nodes)));
        r.post("/v1/nodes/:id/update").handler(this::updateNode);
        r.get("/v1/services").handler(ctx -> json(ctx, 200, serviceViews()));
        r.get("/v1/services/:id/logs").handler(this::logs);
        r.get("/v1/services/:id").handler(ctx -> withService(ctx, s -> json(ctx, 200, view(s))));
        r.post("/v1/services/:id/scale").handler(this::scale);
        r.post("/v1/services/:id/update").handler(this::update);
        r.delete("/v1/services/:id").handler(this::remove);
        r.get("/v1/tasks").handler(ctx -> json(ctx, 200, list(tasks)));
        r.get("/v1/events").handler(this::events);
        r.post("/v1/stacks/:name").handler(this::deployStack);
        r.route().last().handler(ctx -> json(ctx, 404, Map.of("error", "endpoint " + ctx.request().path() + " not found")));
        server = vertx.createHttpServer().requestHandler(r).listen(0, "127.0.0.1").await();
    }

    static FakeManagerApi start(Vertx vertx) {
        return new FakeManagerApi(vertx);
    }

    int port() {
        return server.actualPort();
    }

    /** Headers of every request the fake received, oldest first. */
    List<Map<String, String>> requestHeaders() {
        return requestHeaders;
    }

    // ---- building the cluster ----

    synchronized Node addNode(String hostname, NodeRole role, boolean leader) {
        Node n = new Node(nextId(), meta(), new NodeSpec(role, Availability.ACTIVE, Map.of("zone", "z1")),
                new NodeDescription(hostname, new Platform("linux", "amd64"), new NodeResources(4_000_000_000L, 8L << 30), "0.1"),
                new NodeStatus(NodeState.READY, "", "127.0.0.1"),
                role == NodeRole.MANAGER ? new ManagerStatus(leader, Reachability.REACHABLE, "127.0.0.1:2378") : null);
        nodes.put(n.id(), n);
        emit("node", "create", n);
        return n;
    }

    synchronized Service addService(String name, String image, int replicas, Map<String, String> labels) {
        ServiceSpec spec = new ServiceSpec(name, labels, TaskSpec.of(ContainerSpec.of(image)),
                new ServiceMode.Replicated(replicas), null, null, null);
        Service s = new Service(nextId(), meta(), spec, null);
        services.put(s.id(), s);
        emit("service", "create", s);
        for (int slot = 1; slot <= replicas; slot++) {
            place(s, slot);
        }
        return s;
    }

    /** A service whose only task cannot be placed, with the scheduler's explanation. */
    synchronized Service addUnschedulable(String name) {
        Service s = new Service(nextId(), meta(), new ServiceSpec(name, Map.of(),
                TaskSpec.of(ContainerSpec.of("busybox:big")), new ServiceMode.Replicated(1), null, null, null), null);
        services.put(s.id(), s);
        emit("service", "create", s);
        Task t = new Task(nextId(), meta(), s.id(), 1, null, s.spec().task(), s.version(), TaskState.RUNNING,
                new TaskStatus(TaskState.PENDING, Instant.now(), UNSCHEDULABLE, null, null, null));
        tasks.put(t.id(), t);
        emit("task", "create", t);
        return s;
    }

    synchronized void setNodeState(String nodeId, NodeState state) {
        Node n = nodes.get(nodeId);
        Node next = new Node(n.id(), meta(), n.spec(), n.description(), new NodeStatus(state, "", "127.0.0.1"), n.managerStatus());
        nodes.put(n.id(), next);
        emit("node", "update", next);
    }

    /** Changes the state of {@code count} current tasks back and forth: a burst of updates. */
    synchronized void burst(int count) {
        int done = 0;
        for (Task t : new ArrayList<>(tasks.values())) {
            if (done == count) {
                break;
            }
            if (t.desiredState() == TaskState.RUNNING && t.nodeId() != null) {
                TaskStatus st = new TaskStatus(TaskState.RUNNING, Instant.now(), "burst " + done, null, null,
                        done % 2 == 0 ? HealthState.HEALTHY : HealthState.STARTING);
                Task next = new Task(t.id(), meta(), t.serviceId(), t.slot(), t.nodeId(), t.spec(), t.serviceVersion(),
                        t.desiredState(), st);
                tasks.put(t.id(), next);
                emit("task", "update", next);
                done++;
            }
        }
    }

    synchronized List<Task> currentTasks(String serviceId) {
        return tasks.values().stream().filter(t -> t.serviceId().equals(serviceId) && t.desiredState() == TaskState.RUNNING)
                .toList();
    }

    synchronized Service service(String id) {
        return services.get(id);
    }

    synchronized Node node(String id) {
        return nodes.get(id);
    }

    /** Cuts every event stream; while {@code refuse}, new ones are answered 503 (a manager down). */
    void dropEventStreams(boolean refuse) {
        refuseStreams = refuse;
        for (HttpServerResponse r : streams) {
            streams.remove(r);
            r.reset();
        }
    }

    void acceptEventStreams() {
        refuseStreams = false;
    }

    int openStreams() {
        return streams.size();
    }

    /**
     * From now on, stack deploys are refused with these compose problems (ComposeProblem's shape);
     * until then the route answers 404 like a manager without the stack work.
     */
    void refuseStackDeploys(List<Map<String, Object>> problems) {
        stackProblems = problems;
    }

    private void deployStack(RoutingContext ctx) {
        List<Map<String, Object>> problems = stackProblems;
        if (problems == null) {
            json(ctx, 404, Map.of("error", "endpoint " + ctx.request().path() + " not found"));
            return;
        }
        json(ctx, 400, Map.of("error", "the compose file has " + problems.size() + " problems", "problems", problems));
    }

    // ---- the orchestrator, in one step ----

    private Task place(Service s, int slot) {
        List<Node> eligible = nodes.values().stream()
                .filter(n -> n.spec().availability() == Availability.ACTIVE && n.status().state() == NodeState.READY).toList();
        Task t;
        if (eligible.isEmpty()) {
            t = new Task(nextId(), meta(), s.id(), slot, null, s.spec().task(), s.version(), TaskState.RUNNING,
                    new TaskStatus(TaskState.PENDING, Instant.now(), "no suitable node (" + nodes.size()
                            + " nodes not available for new tasks)", null, null, null));
        } else {
            // Spread: the eligible node with the fewest current tasks.
            Node n = eligible.stream().min(Comparator.comparingLong(this::load)).orElseThrow();
            t = new Task(nextId(), meta(), s.id(), slot, n.id(), s.spec().task(), s.version(), TaskState.RUNNING,
                    new TaskStatus(TaskState.RUNNING, Instant.now(), "started", null, null, HealthState.NONE));
        }
        tasks.put(t.id(), t);
        emit("task", "create", t);
        return t;
    }

    private long load(Node n) {
        return tasks.values().stream().filter(t -> n.id().equals(t.nodeId()) && t.desiredState() == TaskState.RUNNING).count();
    }

    private void shutdown(Task t) {
        Task next = new Task(t.id(), meta(), t.serviceId(), t.slot(), t.nodeId(), t.spec(), t.serviceVersion(),
                TaskState.SHUTDOWN, new TaskStatus(TaskState.SHUTDOWN, Instant.now(), "shutdown", null, null, null));
        tasks.put(t.id(), next);
        emit("task", "update", next);
    }

    private synchronized void scale(RoutingContext ctx) {
        withService(ctx, s -> {
            JsonNode body = readJson(ctx);
            if (body == null || !body.path("replicas").isInt() || body.get("replicas").asInt() < 0) {
                json(ctx, 400, Map.of("error", "must be a whole number of at least 0", "field", "replicas"));
                return;
            }
            int replicas = body.get("replicas").asInt();
            Service next = new Service(s.id(), meta(), new ServiceSpec(s.spec().name(), s.spec().labels(), s.spec().task(),
                    new ServiceMode.Replicated(replicas), null, null, s.spec().endpoint()), s.spec());
            services.put(s.id(), next);
            emit("service", "update", next);
            List<Task> current = currentTasks(s.id());
            for (Task t : current) {
                if (t.slot() > replicas) {
                    shutdown(t);
                }
            }
            for (int slot = 1; slot <= replicas; slot++) {
                int sl = slot;
                if (current.stream().noneMatch(t -> t.slot() == sl)) {
                    place(next, slot);
                }
            }
            json(ctx, 200, Map.of());
        });
    }

    private synchronized void update(RoutingContext ctx) {
        withService(ctx, s -> {
            ServiceSpec spec;
            try {
                spec = Json.read(ctx.body().asString(), ServiceSpec.class);
            } catch (RuntimeException e) {
                json(ctx, 400, Map.of("error", e.getMessage()));
                return;
            }
            String v = ctx.queryParams().get("version");
            if (v == null || Long.parseLong(v) != s.version()) {
                json(ctx, 409, Map.of("error", "service " + s.spec().name() + " changed since version " + v));
                return;
            }
            Service next = new Service(s.id(), meta(), spec, s.spec());
            services.put(s.id(), next);
            emit("service", "update", next);
            for (Task t : currentTasks(s.id())) {
                shutdown(t);
                place(next, t.slot());
            }
            json(ctx, 200, Map.of("id", s.id(), "version", next.version()));
        });
    }

    private synchronized void remove(RoutingContext ctx) {
        withService(ctx, s -> {
            services.remove(s.id());
            for (Task t : new ArrayList<>(tasks.values())) {
                if (t.serviceId().equals(s.id())) {
                    tasks.remove(t.id());
                    emit("task", "remove", t);
                }
            }
            emit("service", "remove", s);
            ctx.response().setStatusCode(204).end();
        });
    }

    private synchronized void updateNode(RoutingContext ctx) {
        Node n = nodes.get(ctx.pathParam("id"));
        if (n == null) {
            json(ctx, 404, Map.of("error", "node \"" + ctx.pathParam("id") + "\" not found"));
            return;
        }
        JsonNode body = readJson(ctx);
        Availability a;
        try {
            a = Availability.valueOf(body.path("availability").asText());
        } catch (IllegalArgumentException e) {
            json(ctx, 400, Map.of("error", "must be active, pause or drain", "field", "availability"));
            return;
        }
        Node next = new Node(n.id(), meta(), new NodeSpec(n.spec().role(), a, n.spec().labels()), n.description(),
                n.status(), n.managerStatus());
        nodes.put(n.id(), next);
        emit("node", "update", next);
        if (a == Availability.DRAIN) {
            for (Task t : new ArrayList<>(tasks.values())) {
                if (n.id().equals(t.nodeId()) && t.desiredState() == TaskState.RUNNING) {
                    shutdown(t);
                    place(services.get(t.serviceId()), t.slot());
                }
            }
        }
        json(ctx, 200, next);
    }

    private void logs(RoutingContext ctx) {
        withService(ctx, s -> {
            HttpServerResponse r = ctx.response().setChunked(true).putHeader("content-type", "text/plain; charset=utf-8");
            for (Task t : currentTasks(s.id())) {
                r.write(t.id() + " hello from " + s.spec().name() + "." + t.slot() + " <b>not bold</b>\n");
            }
            if (!"true".equals(ctx.queryParams().get("follow"))) {
                r.end();
            }
        });
    }

    private void events(RoutingContext ctx) {
        if (refuseStreams) {
            json(ctx, 503, Map.of("error", "no leader"));
            return;
        }
        HttpServerResponse r = ctx.response().setChunked(true).putHeader("content-type", "text/event-stream")
                .putHeader("cache-control", "no-store");
        synchronized (this) {
            StringBuilder snapshot = new StringBuilder();
            nodes.values().forEach(n -> snapshot.append(event("node", "snapshot", n)));
            services.values().forEach(s -> snapshot.append(event("service", "snapshot", s)));
            tasks.values().forEach(t -> snapshot.append(event("task", "snapshot", t)));
            r.write(snapshot.length() == 0 ? ": no objects yet\n\n" : snapshot.toString());
            streams.add(r);
        }
        r.closeHandler(v -> streams.remove(r));
    }

    private void emit(String kind, String action, Object object) {
        String e = event(kind, action, object);
        for (HttpServerResponse r : streams) {
            r.write(e);
        }
    }

    private static String event(String kind, String action, Object object) {
        return "data: " + Json.write(Map.of("kind", kind, "action", action, "object", object)) + "\n\n";
    }

    // ---- helpers ----

    private List<Map<String, Object>> serviceViews() {
        return services.values().stream().map(this::view).toList();
    }

    private synchronized Map<String, Object> view(Service s) {
        long running = tasks.values().stream().filter(t -> t.serviceId().equals(s.id())
                && t.desiredState() == TaskState.RUNNING && t.status().state() == TaskState.RUNNING).count();
        int desired = s.spec().mode() instanceof ServiceMode.Replicated rep ? rep.replicas() : nodes.size();
        return Map.of("service", s, "running", running, "desired", desired);
    }

    private synchronized <T> List<T> list(Map<String, T> map) {
        return List.copyOf(map.values());
    }

    private void withService(RoutingContext ctx, java.util.function.Consumer<Service> then) {
        String key = ctx.pathParam("id");
        Optional<Service> s;
        synchronized (this) {
            s = services.values().stream().filter(x -> x.id().equals(key) || x.spec().name().equals(key)).findFirst();
        }
        if (s.isEmpty()) {
            json(ctx, 404, Map.of("error", "service \"" + key + "\" not found"));
            return;
        }
        then.accept(s.get());
    }

    private static JsonNode readJson(RoutingContext ctx) {
        try {
            return Json.mapper().readTree(ctx.body().asString());
        } catch (Exception e) {
            return null;
        }
    }

    private static void json(RoutingContext ctx, int status, Object value) {
        ctx.response().setStatusCode(status).putHeader("content-type", "application/json").end(Json.write(value));
    }

    private Meta meta() {
        Instant now = Instant.now();
        return new Meta(++version, now, now);
    }

    private String nextId() {
        // Random like the manager's ids, so that short ids and colours look as they will.
        return java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 25);
    }

    Set<String> serviceIds() {
        synchronized (this) {
            return Set.copyOf(services.keySet());
        }
    }

    @Override
    public void close() {
        dropEventStreams(true);
        server.close().await();
    }
}
