package io.jswarm.manager.api;

import io.jswarm.api.node.Node;
import io.jswarm.api.service.Service;
import io.jswarm.api.task.Task;
import io.jswarm.api.task.TaskState;
import io.jswarm.manager.store.ClusterStore;
import io.jswarm.manager.store.Kind;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * {@code GET /v1/tasks?service=&node=&desiredState=}: tasks ordered by service, slot (global:
 * node), newest first within a slot, so history reads as {@code service ps} prints it.
 */
public final class TaskApi {
    static final Comparator<Task> ORDER = Comparator.comparing(Task::serviceId)
            .thenComparingInt(Task::slot)
            .thenComparing(t -> t.nodeId() == null ? "" : t.nodeId())
            .thenComparing((Task t) -> t.meta().createdAt(), Comparator.reverseOrder())
            .thenComparing(Task::id);

    private final ClusterStore store;

    public TaskApi(ClusterStore store) {
        this.store = store;
    }

    public void mount(Router router) {
        router.get("/v1/tasks").handler(ctx -> HttpJson.handle(ctx, ServiceApi.managers(this::list)));
    }

    private Future<?> list(RoutingContext ctx) {
        String service = ctx.queryParams().get("service");
        String node = ctx.queryParams().get("node");
        String desired = ctx.queryParams().get("desiredState");
        TaskState desiredState = parseState(desired);
        return Future.succeededFuture(store.view(tx -> {
            Predicate<Task> match = t -> true;
            if (service != null && !service.isBlank()) {
                Service s = ServiceLookup.find(tx, service);
                match = match.and(t -> t.serviceId().equals(s.id()));
            }
            if (node != null && !node.isBlank()) {
                Node n = ControlApi.find(tx, node);
                match = match.and(t -> n.id().equals(t.nodeId()));
            }
            if (desiredState != null) {
                match = match.and(t -> t.desiredState() == desiredState);
            }
            List<Task> out = new java.util.ArrayList<>(tx.find(Kind.TASKS, match));
            out.sort(ORDER);
            return out;
        }));
    }

    /** Docker's filter values are lower case ({@code running}, {@code shutdown}); any case is accepted. */
    static TaskState parseState(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return TaskState.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badInput("desiredState", "unknown task state \"" + text + "\" (running, shutdown, complete, remove, …)");
        }
    }
}
