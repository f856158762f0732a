package io.jswarm.manager.api;

import io.jswarm.api.node.Node;
import io.jswarm.api.node.NodeRole;
import io.jswarm.api.service.Service;
import io.jswarm.api.task.Task;
import io.jswarm.manager.store.ClusterStore;
import io.jswarm.manager.store.Kind;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * {@code service logs} gathered from the workers through this manager. Workers have no listening
 * port, so the manager cannot call them: every worker long-polls each manager it knows for log
 * requests ({@code POST /v1/dispatcher/logs/poll}) and answers each with the lines it has
 * ({@code POST /v1/dispatcher/logs/push}). {@code GET /v1/services/{key}/logs?tail=N&since=ISO}
 * asks every node holding a task of the service and waits at most {@link #NODE_WAIT} for each; a
 * node that does not answer in time is named in {@code unreachable} instead of holding the answer.
 * Following ({@code -f}) is the client asking again with {@code since} = its last line's time.
 */
public final class LogsApi {
    static final Duration POLL = Duration.ofSeconds(5);
    static final Duration NODE_WAIT = Duration.ofSeconds(4);

    public record LogRequest(String requestId, List<String> taskIds, Integer tail, Instant since) {}

    public record PollRequest(String nodeId) {}

    public record PollAnswer(List<LogRequest> requests) {}

    public record Line(String taskId, String stream, Instant time, String text) {}

    public record Push(String nodeId, String requestId, List<Line> lines, String error) {}

    /** Lines in time order; {@code tasks} names each task (web.2); nodes that did not answer or failed. */
    public record LogsAnswer(List<Line> lines, Map<String, String> tasks, List<String> unreachable, List<String> errors) {}

    private final ClusterStore store;
    private final WorkerExecutor waiters;
    private final Map<String, LinkedBlockingQueue<LogRequest>> queues = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Push>> pending = new ConcurrentHashMap<>();

    public LogsApi(Vertx vertx, ClusterStore store) {
        this.store = store;
        this.waiters = vertx.createSharedWorkerExecutor("jswarm-logs", 32);
    }

    public void mount(Router r) {
        r.post("/v1/dispatcher/logs/poll").handler(ctx -> HttpJson.handle(ctx, this::poll));
        r.post("/v1/dispatcher/logs/push").handler(ctx -> HttpJson.handle(ctx, this::push));
        r.get("/v1/services/:key/logs").handler(ctx -> HttpJson.handle(ctx, ServiceApi.managers(this::logs)));
    }

    private static void requireSelf(RoutingContext ctx, String nodeId) {
        Caller caller = Caller.of(ctx);
        caller.require(NodeRole.WORKER);
        if (nodeId == null || nodeId.isBlank()) {
            throw ApiException.badInput("nodeId", "must not be empty");
        }
        if (!caller.local() && !caller.node().nodeId().equals(nodeId)) {
            throw ApiException.forbidden("node " + caller.node().nodeId() + " may not act for " + nodeId);
        }
    }

    private LinkedBlockingQueue<LogRequest> queue(String nodeId) {
        return queues.computeIfAbsent(nodeId, k -> new LinkedBlockingQueue<>());
    }

    private Future<?> poll(RoutingContext ctx) {
        PollRequest req = HttpJson.body(ctx, PollRequest.class);
        requireSelf(ctx, req.nodeId());
        LinkedBlockingQueue<LogRequest> q = queue(req.nodeId());
        return waiters.executeBlocking(() -> {
            List<LogRequest> out = new ArrayList<>();
            LogRequest first = q.poll(POLL.toMillis(), TimeUnit.MILLISECONDS);
            if (first != null) {
                out.add(first);
                q.drainTo(out);
            }
            return new PollAnswer(out);
        }, false);
    }

    private Future<?> push(RoutingContext ctx) {
        Push p = HttpJson.body(ctx, Push.class);
        requireSelf(ctx, p.nodeId());
        CompletableFuture<Push> f = pending.get(p.requestId() == null ? "" : p.requestId());
        if (f != null) {
            f.complete(p);
        }
        return Future.succeededFuture(Map.of("accepted", f != null));
    }

    private Future<?> logs(RoutingContext ctx) {
        Integer tail = intParam(ctx, "tail");
        Instant since = instantParam(ctx, "since");
        String key = ctx.pathParam("key");
        record Plan(Map<String, List<String>> tasksByNode, Map<String, String> names, Map<String, String> hostnames) {}
        Plan plan = store.view(tx -> {
            Service s = ServiceLookup.find(tx, key);
            Map<String, List<String>> byNode = new LinkedHashMap<>();
            Map<String, String> names = new LinkedHashMap<>();
            Map<String, String> hosts = new LinkedHashMap<>();
            for (Task t : tx.find(Kind.TASKS, t -> s.id().equals(t.serviceId()) && t.nodeId() != null)) {
                byNode.computeIfAbsent(t.nodeId(), k -> new ArrayList<>()).add(t.id());
                names.put(t.id(), s.spec().name() + "." + (t.slot() > 0 ? t.slot() : t.nodeId()));
                hosts.put(t.nodeId(), tx.get(Kind.NODES, t.nodeId()).map(Node::description)
                        .map(d -> d.hostname() + " (" + t.nodeId() + ")").orElse(t.nodeId()));
            }
            return new Plan(byNode, names, hosts);
        });
        Map<String, CompletableFuture<Push>> asked = new LinkedHashMap<>();
        for (var e : plan.tasksByNode().entrySet()) {
            String id = UUID.randomUUID().toString();
            CompletableFuture<Push> f = new CompletableFuture<>();
            pending.put(id, f);
            asked.put(e.getKey(), f);
            queue(e.getKey()).add(new LogRequest(id, e.getValue(), tail, since));
        }
        return waiters.executeBlocking(() -> {
            List<Line> lines = new ArrayList<>();
            List<String> unreachable = new ArrayList<>();
            List<String> errors = new ArrayList<>();
            long deadline = System.nanoTime() + NODE_WAIT.toNanos();
            for (var e : asked.entrySet()) {
                try {
                    Push p = e.getValue().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    lines.addAll(p.lines() == null ? List.of() : p.lines());
                    if (p.error() != null) {
                        errors.add(plan.hostnames().get(e.getKey()) + ": " + p.error());
                    }
                } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException ex) {
                    unreachable.add(plan.hostnames().get(e.getKey()));
                }
            }
            pending.values().removeAll(asked.values());
            // A node that never polls again must not accumulate requests it will not answer.
            for (var e : asked.keySet()) {
                queue(e).removeIf(r -> !pending.containsKey(r.requestId()));
            }
            lines.sort(Comparator.comparing(Line::time, Comparator.nullsFirst(Comparator.naturalOrder())));
            if (tail != null && lines.size() > tail) {
                lines = new ArrayList<>(lines.subList(lines.size() - tail, lines.size()));
            }
            return new LogsAnswer(lines, plan.names(), unreachable, errors);
        }, false);
    }

    private static Integer intParam(RoutingContext ctx, String name) {
        String v = ctx.queryParams().get(name);
        if (v == null || v.isBlank() || v.equals("all")) {
            return null;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw ApiException.badInput(name, "must be a number of lines >= 0 or all, got " + v);
        }
    }

    private static Instant instantParam(RoutingContext ctx, String name) {
        String v = ctx.queryParams().get(name);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw ApiException.badInput(name, "must be an ISO-8601 instant such as 2026-01-01T10:00:00Z, got " + v);
        }
    }
}
