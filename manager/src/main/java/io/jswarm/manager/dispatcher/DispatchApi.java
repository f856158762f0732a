package io.jswarm.manager.dispatcher;

import io.jswarm.api.dispatch.AssignmentsMessage;
import io.jswarm.api.dispatch.AssignmentsRequest;
import io.jswarm.api.dispatch.TaskStatusReport;
import io.jswarm.api.node.NodeRole;
import io.jswarm.manager.api.ApiException;
import io.jswarm.manager.api.Caller;
import io.jswarm.manager.api.HttpJson;
import io.jswarm.manager.node.Ids;
import io.jswarm.manager.store.ClusterStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * The worker side of the dispatcher over HTTP (mutual TLS on the cluster port):
 * <ul>
 *   <li>{@code POST /v1/dispatcher/assignments} {@link AssignmentsRequest} → {@link AssignmentsMessage}:
 *       a long poll. A request without this leader's session id opens a new session and gets the
 *       full set; later requests get the increments since, waiting up to {@link #LONG_POLL} for one.
 *   <li>{@code POST /v1/dispatcher/status} {@link TaskStatusReport} → {@code {"applied": n}}: one
 *       store batch per report.
 * </ul>
 * A node may only ask for and report on itself. A manager that is not the leader answers 421 (the
 * heartbeat answer tells the node where the leader is); sessions die with leadership.
 */
public final class DispatchApi {
    static final Duration LONG_POLL = Duration.ofSeconds(5);

    private final ClusterStore store;
    private final BooleanSupplier leading;
    private final StatusReports reports;
    private final WorkerExecutor waiters;
    private final Map<String, AssignmentStream> sessions = new ConcurrentHashMap<>();

    public DispatchApi(Vertx vertx, ClusterStore store, BooleanSupplier leading) {
        this.store = store;
        this.leading = leading;
        this.reports = new StatusReports(store);
        // Long polls wait on the store's watch; they must not hold the event loop or the shared pool.
        this.waiters = vertx.createSharedWorkerExecutor("jswarm-assignments", 64);
    }

    public void mount(Router router) {
        router.post("/v1/dispatcher/assignments").handler(ctx -> HttpJson.handle(ctx, this::assignments));
        router.post("/v1/dispatcher/status").handler(ctx -> HttpJson.handle(ctx, this::status));
    }

    private void requireLeaderAndSelf(RoutingContext ctx, String nodeId) {
        if (!leading.getAsBoolean()) {
            sessions.values().forEach(AssignmentStream::close);
            sessions.clear();
            throw new ApiException(421, null, "this manager is not the leader; send the session to the leader");
        }
        Caller caller = Caller.of(ctx);
        caller.require(NodeRole.WORKER);
        if (nodeId == null || nodeId.isBlank()) {
            throw ApiException.badInput("nodeId", "must not be empty");
        }
        if (!caller.local() && !caller.node().nodeId().equals(nodeId)) {
            throw ApiException.forbidden("node " + caller.node().nodeId() + " may not act for " + nodeId);
        }
    }

    private Future<?> assignments(RoutingContext ctx) {
        AssignmentsRequest req = HttpJson.body(ctx, AssignmentsRequest.class);
        requireLeaderAndSelf(ctx, req.nodeId());
        AssignmentStream current = sessions.get(req.nodeId());
        if (current == null || current.broken() || !current.sessionId().equals(req.sessionId())) {
            if (current != null) {
                current.close();
            }
            current = new AssignmentStream(store, req.nodeId(), Ids.newId());
            sessions.put(req.nodeId(), current);
        }
        AssignmentStream stream = current;
        return waiters.executeBlocking(() -> stream.next(LONG_POLL), false);
    }

    private Future<?> status(RoutingContext ctx) {
        TaskStatusReport report = HttpJson.body(ctx, TaskStatusReport.class);
        requireLeaderAndSelf(ctx, report.nodeId());
        String problem = StatusReports.problem(report);
        if (problem != null) {
            int colon = problem.indexOf(':');
            throw ApiException.badInput(problem.substring(0, colon), problem.substring(colon + 2));
        }
        return Future.fromCompletionStage(reports.commit(report)).map(n -> Map.of("applied", n));
    }
}
