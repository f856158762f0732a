package io.jswarm.manager.api;

import io.jswarm.manager.store.ClusterStore;
import io.jswarm.manager.store.Event;
import io.jswarm.manager.store.Kind;
import io.jswarm.manager.store.Op;
import io.jswarm.manager.store.StoreJson;
import io.jswarm.manager.store.Watch;
import io.jswarm.manager.store.Watched;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code GET /v1/events[?kind=service,task,node]}: server-sent events. First one {@code snapshot}
 * event per existing object, then every committed change, with no gap between the two
 * ({@code viewAndWatch}). The store's watch never blocks a commit: a timer on the event loop
 * drains it. A client that falls a whole watch queue behind is disconnected and must reconnect.
 */
public final class EventsApi {
    static final long DRAIN_MILLIS = 50;
    private static final List<Kind<?>> KINDS = List.of(Kind.SERVICES, Kind.TASKS, Kind.NODES);

    private final Vertx vertx;
    private final ClusterStore store;

    public EventsApi(Vertx vertx, ClusterStore store) {
        this.vertx = vertx;
        this.store = store;
    }

    public void mount(Router router) {
        router.get("/v1/events").handler(this::stream);
    }

    private void stream(RoutingContext ctx) {
        Set<Kind<?>> kinds;
        try {
            Caller.of(ctx).require(io.jswarm.api.node.NodeRole.MANAGER);
            kinds = kinds(ctx.queryParams().get("kind"));
        } catch (RuntimeException e) {
            HttpJson.fail(ctx, e);
            return;
        }
        Watched<List<ServiceWire.EventMessage>> w = store.viewAndWatch(tx -> {
            List<ServiceWire.EventMessage> snapshot = new ArrayList<>();
            for (Kind<?> k : KINDS) {
                if (kinds.contains(k)) {
                    tx.list(k).forEach(row -> snapshot.add(new ServiceWire.EventMessage(k.name(), "snapshot", row)));
                }
            }
            return snapshot;
        }, e -> kinds.contains(e.kind()));
        Watch watch = w.watch();
        HttpServerResponse resp = ctx.response().setChunked(true)
                .putHeader("content-type", "text/event-stream").putHeader("cache-control", "no-cache");
        resp.write(": jswarm events\n\n"); // a comment line: the client has its headers even before any event
        w.value().forEach(m -> send(resp, m));
        long timer = vertx.setPeriodic(DRAIN_MILLIS, id -> drain(resp, watch));
        resp.closeHandler(v -> {
            vertx.cancelTimer(timer);
            watch.close();
        });
        resp.exceptionHandler(e -> watch.close());
    }

    private static void drain(HttpServerResponse resp, Watch watch) {
        try {
            Event e = watch.poll(Duration.ZERO);
            while (e != null) {
                send(resp, message(e));
                e = watch.poll(Duration.ZERO);
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        if (watch.isClosed() && !resp.ended()) {
            resp.end(); // overflowed: the client reconnects and gets a fresh snapshot
        }
    }

    static ServiceWire.EventMessage message(Event e) {
        String action = e.op() == Op.CREATE ? "create" : e.op() == Op.UPDATE ? "update" : "remove";
        return new ServiceWire.EventMessage(e.kind().name(), action, e.row());
    }

    private static void send(HttpServerResponse resp, ServiceWire.EventMessage m) {
        if (resp.ended() || resp.closed()) {
            return;
        }
        try {
            resp.write("data: " + StoreJson.mapper().writeValueAsString(m) + "\n\n");
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    static Set<Kind<?>> kinds(String param) {
        if (param == null || param.isBlank()) {
            return Set.copyOf(KINDS);
        }
        Set<Kind<?>> out = new java.util.HashSet<>();
        for (String k : param.split(",")) {
            Kind<?> kind = KINDS.stream().filter(x -> x.name().equals(k.strip())).findFirst()
                    .orElseThrow(() -> ApiException.badInput("kind", "unknown kind \"" + k.strip() + "\" (service, task, node)"));
            out.add(kind);
        }
        return out;
    }
}
