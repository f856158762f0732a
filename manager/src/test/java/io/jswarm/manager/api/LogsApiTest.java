package io.jswarm.manager.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jswarm.api.json.Json;
import io.jswarm.api.service.Service;
import io.jswarm.api.service.ServiceMode;
import io.jswarm.api.service.ServiceSpec;
import io.jswarm.api.task.ContainerSpec;
import io.jswarm.api.task.Task;
import io.jswarm.api.task.TaskSpec;
import io.jswarm.api.task.TaskState;
import io.jswarm.api.task.TaskStatus;
import io.jswarm.manager.client.ApiClient;
import io.jswarm.manager.client.ApiResponse;
import io.jswarm.manager.store.ClusterStore;
import io.jswarm.manager.store.Kind;
import io.jswarm.testkit.FakeClock;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * service logs through the manager: a node that polls gets the request and its lines come back in
 * time order; a node that never polls is named as unreachable and does not hold the answer.
 */
class LogsApiTest {
    @TempDir
    Path dir;

    private final FakeClock clock = new FakeClock();
    private final ClusterStore store = ClusterStore.inMemory(clock);
    private Vertx vertx;
    private HttpServer server;
    private ApiClient client;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        Router r = Router.router(vertx);
        r.route().handler(BodyHandler.create());
        r.route().handler(ctx -> {
            ctx.put(Caller.KEY, Caller.localAdmin());
            ctx.next();
        });
        new LogsApi(vertx, store).mount(r);
        Path socket = dir.resolve("api.sock");
        server = vertx.createHttpServer().requestHandler(r).listen(SocketAddress.domainSocketAddress(socket.toString())).await();
        client = ApiClient.unixSocket(vertx, socket, Duration.ofSeconds(15));
        store.update(tx -> {
            tx.create(Kind.SERVICES, new Service("s1", null, new ServiceSpec("web", Map.of(), TaskSpec.of(ContainerSpec.of("busybox")),
                    new ServiceMode.Replicated(2), null, null, null), null));
            tx.create(Kind.TASKS, task("t1", 1, "up"));
            tx.create(Kind.TASKS, task("t2", 2, "gone"));
            return null;
        }).join();
    }

    private Task task(String id, int slot, String node) {
        return new Task(id, null, "s1", slot, node, TaskSpec.of(ContainerSpec.of("busybox")), 1, TaskState.RUNNING,
                TaskStatus.of(TaskState.RUNNING, clock.instant(), "running"));
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        server.close().await();
        vertx.close().await();
        Files.deleteIfExists(dir.resolve("api.sock"));
    }

    @Test
    void linesFromTheNodeThatAnswersAndTheSilentOneNamed() throws Exception {
        // Node "up": poll, then answer its request with two lines out of order.
        CompletableFuture<Void> worker = CompletableFuture.runAsync(() -> {
            ApiResponse poll = client.callAndWait(null, HttpMethod.POST, "/v1/dispatcher/logs/poll", new LogsApi.PollRequest("up"));
            LogsApi.LogRequest req = poll.as(LogsApi.PollAnswer.class).requests().get(0);
            assertEquals(List.of("t1"), req.taskIds(), "only the node's own tasks are asked for");
            assertEquals(1, req.tail());
            client.callAndWait(null, HttpMethod.POST, "/v1/dispatcher/logs/push", new LogsApi.Push("up", req.requestId(), List.of(
                    new LogsApi.Line("t1", "stdout", Instant.parse("2026-01-01T10:00:02Z"), "second"),
                    new LogsApi.Line("t1", "stderr", Instant.parse("2026-01-01T10:00:01Z"), "first")), null));
        });
        long start = System.nanoTime();
        ApiResponse r = client.callAndWait(null, HttpMethod.GET, "/v1/services/web/logs?tail=1", null);
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        worker.get();
        assertEquals(200, r.status(), r.body());
        JsonNode a = Json.read(r.body(), JsonNode.class);
        assertEquals(1, a.path("lines").size(), "tail applies to the merged lines: " + a);
        assertEquals("second", a.path("lines").get(0).path("text").asText());
        assertEquals("web.1", a.path("tasks").path("t1").asText());
        assertEquals("gone", a.path("unreachable").get(0).asText());
        assertTrue(tookMs < 10_000, "a silent node must not hold the answer: " + tookMs + " ms");
    }

    @Test
    void badParametersNameTheField() {
        ApiResponse r = client.callAndWait(null, HttpMethod.GET, "/v1/services/web/logs?tail=-3", null);
        assertEquals(400, r.status());
        assertEquals("tail", Json.read(r.body(), JsonNode.class).path("field").asText());
        ApiResponse s = client.callAndWait(null, HttpMethod.GET, "/v1/services/web/logs?since=yesterday", null);
        assertEquals("since", Json.read(s.body(), JsonNode.class).path("field").asText());
        assertEquals(404, client.callAndWait(null, HttpMethod.GET, "/v1/services/nosuch/logs", null).status());
    }
}
