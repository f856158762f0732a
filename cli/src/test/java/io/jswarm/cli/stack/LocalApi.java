package io.jswarm.cli.stack;

import io.jswarm.api.service.Service;
import io.jswarm.api.service.ServiceMode;
import io.jswarm.api.task.Task;
import io.jswarm.api.task.TaskState;
import io.jswarm.api.task.TaskStatus;
import io.jswarm.manager.api.Caller;
import io.jswarm.manager.api.OrchestrationRoutes;
import io.jswarm.manager.store.ClusterStore;
import io.jswarm.manager.store.Kind;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The manager's real API routes over an in-memory store on a Unix socket, for CLI tests, with a
 * stand-in for the orchestrator and workers: every service without tasks gets its tasks at once,
 * RUNNING (jobs: COMPLETE), on node "n1". Not a cluster: only what the stack commands read.
 */
final class LocalApi implements AutoCloseable {
    final ClusterStore store = ClusterStore.inMemory(Clock.systemUTC());
    final Path socket;
    private final Vertx vertx = Vertx.vertx();
    private final HttpServer server;
    private final AtomicLong ids = new AtomicLong();
    private volatile boolean running = true;
    private final Thread cluster;

    LocalApi(Path dir) {
        Router r = Router.router(vertx);
        r.route().handler(BodyHandler.create());
        r.route().handler(ctx -> {
            ctx.put(Caller.KEY, Caller.localAdmin());
            ctx.next();
        });
        OrchestrationRoutes.mount(vertx, r, store);
        // Node listing (task tables name nodes): the node routes belong to the daemon; none here.
        r.get("/v1/nodes").handler(ctx -> ctx.response().putHeader("content-type", "application/json").end("[]"));
        socket = dir.resolve("jswarm.sock");
        server = vertx.createHttpServer().requestHandler(r).listen(SocketAddress.domainSocketAddress(socket.toString())).await();
        cluster = new Thread(this::runTasks, "local-api-tasks");
        cluster.setDaemon(true);
        cluster.start();
    }

    String host() {
        return "unix://" + socket;
    }

    private void runTasks() {
        while (running) {
            store.update(tx -> {
                for (Service s : tx.list(Kind.SERVICES)) {
                    if (!tx.find(Kind.TASKS, t -> t.serviceId().equals(s.id())).isEmpty()) {
                        continue;
                    }
                    ServiceMode m = s.spec().mode();
                    int n = m instanceof ServiceMode.Replicated rep ? rep.replicas()
                            : m instanceof ServiceMode.ReplicatedJob j ? j.totalCompletions() : 1;
                    TaskState state = m.isJob() ? TaskState.COMPLETE : TaskState.RUNNING;
                    for (int slot = 1; slot <= n; slot++) {
                        tx.create(Kind.TASKS, new Task("t" + ids.incrementAndGet(), null, s.id(), slot, "n1", s.spec().task(),
                                s.version(), m.isJob() ? TaskState.COMPLETE : TaskState.RUNNING,
                                TaskStatus.of(state, java.time.Instant.now(), state == TaskState.RUNNING ? "started" : "finished")));
                    }
                }
                return null;
            }).join();
            try {
                Thread.sleep(20); // the pace of this stand-in, not a wait in a test
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    List<String> serviceNames() {
        List<String> out = new ArrayList<>(store.view(tx -> tx.list(Kind.SERVICES)).stream().map(s -> s.spec().name()).toList());
        out.sort(null);
        return out;
    }

    @Override
    public void close() throws Exception {
        running = false;
        cluster.interrupt();
        cluster.join(5_000);
        server.close().await();
        vertx.close().await();
        Files.deleteIfExists(socket);
    }
}
