package io.jswarm.manager.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jswarm.api.json.Json;
import io.jswarm.api.task.Task;
import io.jswarm.api.task.TaskState;
import io.jswarm.manager.client.ApiClient;
import io.jswarm.manager.client.ApiResponse;
import io.jswarm.manager.store.ClusterStore;
import io.jswarm.manager.store.Kind;
import io.jswarm.testkit.Await;
import io.jswarm.testkit.FakeClock;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The service, task and event routes over a real HTTP server, reached with the project's ApiClient. */
class ServiceApiTest {
    @TempDir
    Path dir;

    private final FakeClock clock = new FakeClock();
    private final ClusterStore store = ClusterStore.inMemory(clock);
    private Vertx vertx;
    private HttpServer server;
    private ApiClient client;
    private Path socket;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        Router r = Router.router(vertx);
        r.route().handler(BodyHandler.create());
        r.route().handler(ctx -> {
            ctx.put(Caller.KEY, Caller.localAdmin());
            ctx.next();
        });
        OrchestrationRoutes.mount(vertx, r, store);
        socket = dir.resolve("api.sock");
        server = vertx.createHttpServer().requestHandler(r).listen(SocketAddress.domainSocketAddress(socket.toString())).await();
        client = ApiClient.unixSocket(vertx, socket, Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        server.close().await();
        vertx.close().await();
        Files.deleteIfExists(socket);
    }

    private ApiResponse call(HttpMethod m, String path, Object body) {
        return client.call(m, path, body).await();
    }

    private ApiResponse post(String path, String json) {
        return call(HttpMethod.POST, path, Json.mapper().valueToTree(Json.read(json, Object.class)));
    }

    /**
     * A complete spec as JSON (the model's mapper wants every primitive present), with
     * {@code extra} fields (a JSON object's members, e.g. {@code ,"mode":{…}}) replacing the defaults.
     */
    private static String spec(String name, String extra) {
        var full = (com.fasterxml.jackson.databind.node.ObjectNode) Json.mapper().valueToTree(
                new io.jswarm.api.service.ServiceSpec(name, null, io.jswarm.api.task.TaskSpec.of(
                        io.jswarm.api.task.ContainerSpec.of("busybox")), null, null, null, null));
        if (!extra.isEmpty()) {
            full.setAll((com.fasterxml.jackson.databind.node.ObjectNode) Json.read("{" + extra.substring(1) + "}", JsonNode.class));
        }
        return full.toString();
    }

    /** {@link #spec} with one field at {@code path} (dot separated) replaced by {@code json}. */
    private static String specWith(String path, String json) {
        var root = (com.fasterxml.jackson.databind.node.ObjectNode) Json.read(spec("web", ""), JsonNode.class);
        String[] parts = path.split("\\.");
        var node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            node = (com.fasterxml.jackson.databind.node.ObjectNode) node.get(parts[i]);
        }
        node.set(parts[parts.length - 1], Json.read(json, JsonNode.class));
        return root.toString();
    }

    private static void assertBadField(ApiResponse r, String field) {
        assertEquals(400, r.status(), r.body());
        JsonNode body = Json.read(r.body(), JsonNode.class);
        assertEquals(field, body.path("field").asText(), r.body());
    }

    @Test
    void createListInspectScaleRemove() {
        ApiResponse created = post("/v1/services", spec("web", ",\"mode\":{\"type\":\"replicated\",\"replicas\":3}"));
        assertEquals(201, created.status(), created.body());
        String id = Json.read(created.body(), JsonNode.class).get("id").asText();

        JsonNode list = Json.read(call(HttpMethod.GET, "/v1/services", null).body(), JsonNode.class);
        assertEquals(1, list.size());
        assertEquals("web", list.get(0).path("service").path("spec").path("name").asText());
        assertEquals(3, list.get(0).path("desired").asInt());
        assertEquals(0, list.get(0).path("running").asInt());

        ApiResponse byName = call(HttpMethod.GET, "/v1/services/web", null);
        assertEquals(id, Json.read(byName.body(), JsonNode.class).path("service").path("id").asText());

        ApiResponse scaled = call(HttpMethod.POST, "/v1/services/web/scale", Map.of("replicas", 5));
        assertEquals(200, scaled.status(), scaled.body());
        assertEquals(5, Json.read(call(HttpMethod.GET, "/v1/services/" + id, null).body(), JsonNode.class).path("desired").asInt());

        // A task of the service, to see that removal hands it to the orchestrator/reaper (desired REMOVE).
        store.update(tx -> {
            tx.create(Kind.TASKS, new Task("t1", null, id, 1, null,
                    io.jswarm.api.task.TaskSpec.of(io.jswarm.api.task.ContainerSpec.of("busybox")), 1, TaskState.RUNNING,
                    io.jswarm.api.task.TaskStatus.of(TaskState.NEW, clock.instant(), "created")));
            return null;
        }).join();
        assertEquals(1, Json.read(call(HttpMethod.GET, "/v1/tasks?service=web", null).body(), JsonNode.class).size());
        assertEquals(204, call(HttpMethod.DELETE, "/v1/services/web", null).status());
        assertEquals(404, call(HttpMethod.GET, "/v1/services/web", null).status());
        assertEquals(TaskState.REMOVE, store.view(tx -> tx.get(Kind.TASKS, "t1")).orElseThrow().desiredState());
        // The name is free again.
        assertEquals(201, post("/v1/services", spec("web", "")).status());
    }

    @Test
    void aDuplicateNameIsAConflictNamingTheField() {
        assertEquals(201, post("/v1/services", spec("web", "")).status());
        ApiResponse again = post("/v1/services", spec("web", ""));
        assertEquals(409, again.status(), again.body());
        assertEquals("name", Json.read(again.body(), JsonNode.class).path("field").asText());
    }

    @Test
    void everyBadInputIsA400NamingTheField() {
        assertBadField(post("/v1/services", specWith("task.container.image", "null")), "task.container.image");
        assertBadField(post("/v1/services", spec("web", ",\"mode\":{\"type\":\"replicated\",\"replicas\":-1}")),
                "mode.replicas");
        assertBadField(post("/v1/services", spec("bad name!", "")), "name");
        assertBadField(post("/v1/services", spec("web",
                ",\"endpoint\":{\"ports\":[{\"targetPort\":80,\"publishedPort\":8080}]}")), "endpoint.ports[0].publishMode");
        assertBadField(post("/v1/services", specWith("task.placement",
                "{\"constraints\":[\"node.labels.zone=~\"],\"preferences\":[]}")), "task.placement.constraints[0]");
        assertBadField(post("/v1/services", spec("web", ",\"mode\":{\"type\":\"sometimes\"}")), "mode");
        assertEquals(201, post("/v1/services", spec("web", "")).status());
        assertBadField(call(HttpMethod.POST, "/v1/services/web/scale", Map.of()), "replicas");
        assertBadField(call(HttpMethod.POST, "/v1/services/web/scale", Map.of("replicas", -2)), "replicas");
        assertBadField(post("/v1/services/web/update", spec("web", "")), "version");
        assertBadField(call(HttpMethod.GET, "/v1/tasks?desiredState=sleeping", null), "desiredState");
        assertEquals(201, post("/v1/services", spec("agent", ",\"mode\":{\"type\":\"global\"}")).status());
        assertBadField(call(HttpMethod.POST, "/v1/services/agent/scale", Map.of("replicas", 2)), "replicas");
    }

    @Test
    void hostModePortsAreAccepted() {
        ApiResponse r = post("/v1/services", spec("web",
                ",\"endpoint\":{\"ports\":[{\"targetPort\":80,\"publishedPort\":8080,\"publishMode\":\"host\"}]}"));
        assertEquals(201, r.status(), r.body());
    }

    @Test
    void anUpdateBasedOnAStaleVersionIsAConflict() {
        post("/v1/services", spec("web", ""));
        long v = Json.read(call(HttpMethod.GET, "/v1/services/web", null).body(), JsonNode.class)
                .path("service").path("meta").path("version").asLong();
        ApiResponse first = post("/v1/services/web/update?version=" + v, spec("web", ",\"labels\":{\"a\":\"1\"}"));
        assertEquals(200, first.status(), first.body());
        ApiResponse stale = post("/v1/services/web/update?version=" + v, spec("web", ",\"labels\":{\"a\":\"2\"}"));
        assertEquals(409, stale.status(), stale.body());
        JsonNode svc = Json.read(call(HttpMethod.GET, "/v1/services/web", null).body(), JsonNode.class).path("service");
        assertEquals("1", svc.path("spec").path("labels").path("a").asText());
        assertEquals("1", svc.path("spec").path("labels").path("a").asText());
        assertTrue(svc.path("previousSpec").path("labels").isEmpty(), "previousSpec keeps the spec before the update");
    }

    @Test
    void eventsStartWithASnapshotThenStreamChanges() throws Exception {
        post("/v1/services", spec("web", ""));
        HttpClient http = vertx.createHttpClient(new HttpClientOptions());
        StringBuffer received = new StringBuffer();
        try {
            http.request(new RequestOptions().setServer(SocketAddress.domainSocketAddress(socket.toString()))
                    .setHost("localhost").setURI("/v1/events?kind=service").setMethod(HttpMethod.GET))
                    .compose(req -> req.send())
                    .onSuccess(resp -> resp.handler((Buffer b) -> received.append(b.toString())))
                    .toCompletionStage().toCompletableFuture().get(5, java.util.concurrent.TimeUnit.SECONDS);
            Await.until("the snapshot event", Duration.ofSeconds(5), () -> received.toString(),
                    s -> s.contains("\"action\":\"snapshot\"") && s.contains("\"web\""));
            post("/v1/services", spec("api", ""));
            Await.until("the create event", Duration.ofSeconds(5), () -> received.toString(),
                    s -> s.contains("\"action\":\"create\"") && s.contains("\"api\""));
            assertTrue(received.toString().contains("\ndata: {\"kind\":\"service\",\"action\":\"snapshot\""), received.toString());
        } finally {
            http.close().await();
        }
    }
}
