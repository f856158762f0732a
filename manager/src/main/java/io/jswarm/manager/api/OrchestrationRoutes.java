package io.jswarm.manager.api;

import io.jswarm.manager.store.ClusterStore;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;

/** Mounts the service, task and event routes (one line in the daemon wires them all). */
public final class OrchestrationRoutes {
    private OrchestrationRoutes() {}

    public static void mount(Vertx vertx, Router router, ClusterStore store) {
        new ServiceApi(store).mount(router);
        new TaskApi(store).mount(router);
        new EventsApi(vertx, store).mount(router);
    }
}
