package io.jswarm.manager.api;

import io.jswarm.manager.store.ClusterStore;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;

/** Mounts the service, stack, task and event routes (one line in the daemon wires them all). */
public final class OrchestrationRoutes {
    private OrchestrationRoutes() {}

    public static void mount(Vertx vertx, Router router, ClusterStore store) {
        mount(vertx, router, store, java.time.Clock.systemUTC());
    }

    /** {@code clock} times the depends_on waits of stack deploys. */
    public static void mount(Vertx vertx, Router router, ClusterStore store, java.time.Clock clock) {
        new ServiceApi(store).mount(router);
        new StackApi(store, clock).mount(router);
        new TaskApi(store).mount(router);
        new EventsApi(vertx, store).mount(router);
    }
}
