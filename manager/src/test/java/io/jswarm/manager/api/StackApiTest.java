package io.jswarm.manager.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jswarm.api.json.Json;
import io.jswarm.api.service.Service;
import io.jswarm.api.service.ServiceSpec;
import io.jswarm.api.task.ContainerSpec;
import io.jswarm.api.task.TaskSpec;
import io.jswarm.compose.LoadResult;
import io.jswarm.manager.client.ApiClient;
import io.jswarm.manager.client.ApiResponse;
import io.jswarm.manager.stack.StackFixtures;
import io.jswarm.manager.stack.StackWire;
import io.jswarm.manager.store.ClusterStore;
import io.jswarm.manager.store.Kind;
import io.jswarm.testkit.FakeClock;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The /v1/stacks routes over a real HTTP server: YAML (dashboard) and JSON (CLI) deploys, list, remove. */
class StackApiTest {
    @TempDir
    Path dir;

    private final FakeClock clock = new FakeClock();
    private final ClusterStore store = ClusterStore.inMemory(clock);
    private Vertx vertx;
    private HttpServer server;
    private ApiClient client;
    private HttpClient raw;
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
        OrchestrationRoutes.mount(vertx, r, store, clock);
        socket = dir.resolve("api.sock");
        server = vertx.createHttpServer().requestHandler(r).listen(SocketAddress.domainSocketAddress(socket.toString())).await();
        client = ApiClient.unixSocket(vertx, socket, Duration.ofSeconds(10));
        raw = vertx.createHttpClient();
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        raw.close().await();
        server.close().await();
        vertx.close().await();
        Files.deleteIfExists(socket);
    }

    /** What the dashboard sends: the compose file as text. */
    private ApiResponse postYaml(String path, String yaml) {
        RequestOptions o = new RequestOptions().setMethod(HttpMethod.POST).setURI(path)
                .setServer(SocketAddress.domainSocketAddress(socket.toString())).setHost("localhost")
                .putHeader("content-type", "application/yaml");
        return raw.request(o).compose(req -> req.send(Buffer.buffer(yaml)))
                .compose(resp -> resp.body().map(b -> new ApiResponse(resp.statusCode(), b.toString()))).await();
    }

    private ApiResponse call(HttpMethod m, String path, Object body) {
        return client.call(m, path, body).await();
    }

    private List<String> serviceNames() {
        return store.view(tx -> tx.list(Kind.SERVICES)).stream().map(s -> s.spec().name()).sorted().toList();
    }

    @Test
    void yamlWithErrorsIs400WithEveryProblemByFileLineAndColumnAndNothingIsCreated() {
        String yaml = """
                services:
                  web:
                    image: busybox:latest
                    deploy:
                      replicas: three
                  api:
                    imgae: busybox:latest
                """;
        ApiResponse r = postYaml("/v1/stacks/shop", yaml);
        assertEquals(400, r.status(), r.body());
        JsonNode problems = Json.read(r.body(), JsonNode.class).get("problems");
        assertEquals(3, problems.size(), r.body());
        JsonNode replicas = problems.get(0);
        assertEquals("compose.yaml", replicas.get("file").asText());
        assertEquals(5, replicas.get("line").asInt());
        assertEquals(17, replicas.get("column").asInt());
        assertEquals("services.web.deploy.replicas", replicas.get("path").asText());
        assertTrue(replicas.get("message").asText().contains("three"), r.body());
        assertEquals("compose.yaml:7:5 services.api.imgae", problems.get(2).get("file").asText() + ":" + problems.get(2).get("line")
                + ":" + problems.get(2).get("column") + " " + problems.get(2).get("path").asText());
        assertTrue(Json.read(r.body(), JsonNode.class).get("error").asText().contains("compose.yaml:5:17"), r.body());
        assertEquals(List.of(), serviceNames());
    }

    @Test
    void yamlDeployCreatesTheStackAndListsIt() {
        String yaml = """
                services:
                  web:
                    image: busybox:latest
                    deploy: {replicas: 2}
                    container_name: ignored
                  worker:
                    image: busybox:latest
                """;
        ApiResponse r = postYaml("/v1/stacks/shop", yaml);
        assertEquals(200, r.status(), r.body());
        StackWire.DeployAnswer a = r.as(StackWire.DeployAnswer.class);
        assertEquals(List.of(new StackWire.Action("shop_web", "create"), new StackWire.Action("shop_worker", "create")), a.actions());
        assertTrue(a.warnings().stream().anyMatch(w -> w.path().equals("services.web.container_name") && w.line() == 5), r.body());
        assertEquals(List.of("shop_web", "shop_worker"), serviceNames());
        JsonNode stacks = Json.read(call(HttpMethod.GET, "/v1/stacks", null).body(), JsonNode.class);
        assertEquals("[{\"name\":\"shop\",\"services\":2}]", stacks.toString());
    }

    @Test
    void yamlRefersToNoFileOfTheManager() {
        ApiResponse r = postYaml("/v1/stacks/shop", "services:\n  web:\n    image: busybox:latest\n    env_file: /etc/passwd\n");
        assertEquals(400, r.status(), r.body());
        assertTrue(r.body().contains("carries only the compose file"), r.body());
        assertEquals(List.of(), serviceNames());
    }

    @Test
    void jsonDeployFromTheCliIsIdempotent() {
        LoadResult loaded = StackFixtures.load("blog", "services:\n  web:\n    image: busybox:latest\n");
        var req = new StackWire.DeployRequest(loaded.services(), loaded.order(), StackWire.waits(loaded.deployments()), false, 30L);
        ApiResponse first = call(HttpMethod.POST, "/v1/stacks/blog", req);
        assertEquals(200, first.status(), first.body());
        assertEquals(List.of(new StackWire.Action("blog_web", "create")), first.as(StackWire.DeployAnswer.class).actions());
        long version = store.view(tx -> tx.list(Kind.SERVICES)).get(0).version();
        ApiResponse second = call(HttpMethod.POST, "/v1/stacks/blog", req);
        assertEquals(List.of(new StackWire.Action("blog_web", "unchanged")), second.as(StackWire.DeployAnswer.class).actions());
        assertEquals(version, store.view(tx -> tx.list(Kind.SERVICES)).get(0).version());
    }

    @Test
    void anInvalidSpecIsRefusedNamingTheFieldAndNothingIsCreated() {
        LoadResult loaded = StackFixtures.load("blog", "services:\n  a:\n    image: busybox:latest\n  b:\n    image: busybox:latest\n");
        ServiceSpec good = loaded.services().get(0);
        ServiceSpec bad = new ServiceSpec("blog_b", loaded.services().get(1).labels(), TaskSpec.of(ContainerSpec.of("")),
                null, null, null, null);
        ApiResponse r = call(HttpMethod.POST, "/v1/stacks/blog",
                new StackWire.DeployRequest(List.of(good, bad), List.of("blog_a", "blog_b"), List.of(), false, null));
        assertEquals(400, r.status(), r.body());
        assertEquals("task.container.image", Json.read(r.body(), JsonNode.class).get("field").asText(), r.body());
        assertEquals(List.of(), serviceNames());
    }

    @Test
    void stackRmRemovesEverythingOfTheStackAndNothingElse() {
        assertEquals(200, postYaml("/v1/stacks/shop", "services:\n  a:\n    image: busybox:latest\n  b:\n    image: busybox:latest\n").status());
        assertEquals(200, postYaml("/v1/stacks/blog", "services:\n  a:\n    image: busybox:latest\n").status());
        store.update(tx -> {
            tx.create(Kind.SERVICES, new Service("lone", null, new ServiceSpec("shop_lone", Map.of(),
                    TaskSpec.of(ContainerSpec.of("busybox")), null, null, null, null), null));
            return null;
        }).join();
        ApiResponse r = call(HttpMethod.DELETE, "/v1/stacks/shop", null);
        assertEquals(200, r.status(), r.body());
        assertEquals(List.of("shop_a", "shop_b"), r.as(StackWire.RemoveAnswer.class).removed());
        assertEquals(List.of("blog_a", "shop_lone"), serviceNames());
        // The names are free again: the stack deploys anew.
        assertEquals(200, postYaml("/v1/stacks/shop", "services:\n  a:\n    image: busybox:latest\n").status());
        assertEquals(List.of(), call(HttpMethod.DELETE, "/v1/stacks/nothing", null).as(StackWire.RemoveAnswer.class).removed());
    }

    @Test
    void aBadStackNameNamesTheField() {
        ApiResponse r = postYaml("/v1/stacks/-x", "services: {}\n");
        assertEquals(400, r.status(), r.body());
        assertEquals("name", Json.read(r.body(), JsonNode.class).get("field").asText());
    }
}
