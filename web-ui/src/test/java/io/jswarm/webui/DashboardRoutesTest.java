package io.jswarm.webui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.jswarm.api.json.Json;
import io.jswarm.api.node.Availability;
import io.jswarm.api.node.Node;
import io.jswarm.api.node.NodeRole;
import io.jswarm.api.service.Service;
import io.jswarm.api.service.ServiceMode;
import io.vertx.core.Vertx;
import io.vertx.core.net.SelfSignedCertificate;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every dashboard route over HTTP: who may call it, CSRF, forwarding, escaping, cookies. */
class DashboardRoutesTest {
    private static Vertx vertx;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private DashboardServer server;
    private Node node;
    private Service web;

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopVertx() {
        vertx.close().await();
    }

    @BeforeEach
    void start() {
        server = DashboardServer.start(vertx);
        node = server.upstream.addNode("node-1", NodeRole.MANAGER, true);
        server.upstream.addNode("node-2", NodeRole.WORKER, false);
        web = server.upstream.addService("web", "nginx:1.27", 1, Map.of());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    // ---- without a session ----

    @Test
    void pagesRedirectToTheLoginAndEverythingElseAnswers401WithoutASession() throws Exception {
        HttpResponse<String> root = send(get("/"));
        assertEquals(302, root.statusCode());
        assertEquals("/login", root.headers().firstValue("location").orElse(null));
        for (String path : List.of("/app/main.js", "/app/index.html", "/auth/session", "/v1/nodes", "/v1/services",
                "/v1/tasks", "/v1/events", "/v1/cluster", "/v1/services/web/logs")) {
            HttpResponse<String> r = send(get(path));
            assertEquals(401, r.statusCode(), path);
            assertEquals("log in to the dashboard first", Json.mapper().readTree(r.body()).get("error").asText(), path);
        }
        for (HttpRequest.Builder b : List.of(post("/v1/services/web/scale", "{\"replicas\":3}"),
                post("/v1/nodes/" + node.id() + "/update", "{\"availability\":\"DRAIN\"}"),
                post("/auth/logout", ""), delete("/v1/services/web"), post("/v1/stacks/shop", "x: 1"))) {
            assertEquals(401, send(b).statusCode());
        }
        assertEquals(1, server.upstream.currentTasks(web.id()).size(), "nothing reached the manager");
        assertTrue(server.upstream.requestHeaders().isEmpty(), "no request was forwarded");
    }

    @Test
    void theLoginPageAndItsFilesArePublicAndCarryASecurityPolicy() throws Exception {
        HttpResponse<String> login = send(get("/login"));
        assertEquals(200, login.statusCode());
        assertTrue(login.body().contains("Admin token"));
        String csp = login.headers().firstValue("content-security-policy").orElseThrow();
        assertTrue(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"), csp);
        assertEquals("nosniff", login.headers().firstValue("x-content-type-options").orElse(null));
        assertEquals(200, send(get("/public/login.js")).statusCode());
        assertEquals(200, send(get("/public/style.css")).statusCode());
        assertEquals(401, send(get("/public/../app/main.js")).statusCode(), "dot segments are resolved before the check");
    }

    // ---- login and logout ----

    @Test
    void loginChecksTheTokenAndSetsAStrictHttpOnlyCookie() throws Exception {
        HttpResponse<String> wrong = send(post("/auth/login", "{\"token\":\"SWMDASH-wrong\"}"));
        assertEquals(401, wrong.statusCode());
        assertEquals("token", Json.mapper().readTree(wrong.body()).get("field").asText());
        assertTrue(wrong.headers().firstValue("set-cookie").isEmpty());

        assertEquals(400, send(post("/auth/login", "{}")).statusCode());
        assertEquals(400, send(post("/auth/login", "not json")).statusCode());
        assertEquals(400, send(post("/auth/login", "{\"token\": 5}")).statusCode());
        assertEquals(415, send(request("/auth/login").header("content-type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + server.token))).statusCode(),
                "a cross-site form cannot log anybody in");
        assertEquals(403, send(post("/auth/login", loginBody()).header("origin", "https://evil.example")).statusCode());

        HttpResponse<String> ok = send(post("/auth/login", loginBody()));
        assertEquals(200, ok.statusCode());
        String cookie = ok.headers().firstValue("set-cookie").orElseThrow();
        assertTrue(cookie.startsWith(DashboardAuth.COOKIE + "="), cookie);
        assertTrue(cookie.toLowerCase().contains("httponly"), cookie);
        assertTrue(cookie.contains("SameSite=Strict"), cookie);
        assertTrue(cookie.contains("Path=/"), cookie);
        assertFalse(cookie.contains("Secure"), "plain HTTP on localhost: " + cookie);
        assertNotNull(Json.mapper().readTree(ok.body()).get("csrfToken").asText());
    }

    @Test
    void logoutNeedsTheCsrfTokenAndEndsTheSession() throws Exception {
        Login l = login();
        assertEquals(403, send(l.on(post("/auth/logout", ""))).statusCode());
        assertEquals(200, send(l.on(get("/v1/nodes"))).statusCode());
        HttpResponse<String> out = send(l.csrf(post("/auth/logout", "")));
        assertEquals(204, out.statusCode());
        assertTrue(out.headers().firstValue("set-cookie").orElseThrow().contains("Max-Age=0"));
        assertEquals(401, send(l.on(get("/v1/nodes"))).statusCode());
        assertEquals(302, send(l.on(get("/"))).statusCode());
    }

    @Test
    void rotatingTheTokenLogsEverybodyOut() throws Exception {
        Login l = login();
        server.tokenHash.set(AdminToken.hash(AdminToken.generate()));
        assertEquals(401, send(l.on(get("/v1/nodes"))).statusCode());
        assertEquals(401, send(post("/auth/login", loginBody())).statusCode());
    }

    // ---- with a session ----

    @Test
    void aSessionGetsThePagesAndItsCsrfToken() throws Exception {
        Login l = login();
        HttpResponse<String> index = send(l.on(get("/")));
        assertEquals(200, index.statusCode());
        assertTrue(index.body().contains("/app/main.js"));
        assertEquals(200, send(l.on(get("/app/main.js"))).statusCode());
        HttpResponse<String> session = send(l.on(get("/auth/session")));
        assertEquals(l.csrf, Json.mapper().readTree(session.body()).get("csrfToken").asText());
        assertEquals(404, send(l.on(get("/no-such-page"))).statusCode());
    }

    @Test
    void readsAreForwardedAsTheManagerAnsweredThem() throws Exception {
        Login l = login();
        HttpResponse<String> nodes = send(l.on(get("/v1/nodes")));
        assertEquals(200, nodes.statusCode());
        assertEquals("application/json", nodes.headers().firstValue("content-type").orElse(null));
        JsonNode list = Json.mapper().readTree(nodes.body());
        assertEquals(2, list.size());
        assertEquals("node-1", list.get(0).path("description").path("hostname").asText());
        assertEquals(1, Json.mapper().readTree(send(l.on(get("/v1/services"))).body()).size());
        assertEquals(1, Json.mapper().readTree(send(l.on(get("/v1/tasks?service=" + web.id()))).body()).size());
        assertEquals(200, send(l.on(get("/v1/cluster"))).statusCode());
        HttpResponse<String> missing = send(l.on(get("/v1/services/nope")));
        assertEquals(404, missing.statusCode());
        assertTrue(missing.body().contains("service \\\"nope\\\" not found"), missing.body());

        Map<String, String> seen = server.upstream.requestHeaders().get(0);
        assertFalse(seen.containsKey("cookie"), "the session cookie stays in the dashboard: " + seen);
    }

    @Test
    void routesTheDashboardDoesNotUseAreNotForwarded() throws Exception {
        Login l = login();
        for (String path : List.of("/v1/join-tokens", "/v1/raft", "/v1/objects/x", "/v1/info")) {
            HttpResponse<String> r = send(l.on(get(path)));
            assertEquals(404, r.statusCode(), path);
            assertTrue(r.body().contains("the dashboard does not offer"), r.body());
        }
        assertTrue(server.upstream.requestHeaders().isEmpty());
    }

    @Test
    void writesNeedTheSessionsCsrfTokenAndTheSameOrigin() throws Exception {
        Login l = login();
        String scale = "/v1/services/" + web.id() + "/scale";
        HttpResponse<String> none = send(l.on(post(scale, "{\"replicas\":3}")));
        assertEquals(403, none.statusCode());
        assertEquals(DashboardAuth.CSRF_HEADER, Json.mapper().readTree(none.body()).get("field").asText());
        assertEquals(403, send(l.on(post(scale, "{\"replicas\":3}")).header(DashboardAuth.CSRF_HEADER, l.csrf + "x"))
                .statusCode());
        Login other = login();
        assertEquals(403, send(l.on(post(scale, "{\"replicas\":3}")).header(DashboardAuth.CSRF_HEADER, other.csrf))
                .statusCode(), "another session's token does not count");
        assertEquals(403, send(l.csrf(post(scale, "{\"replicas\":3}")).header("origin", "http://evil.example"))
                .statusCode());
        assertEquals(403, send(l.on(delete("/v1/services/" + web.id()))).statusCode());
        assertEquals(1, server.upstream.currentTasks(web.id()).size(), "no refused write reached the manager");

        HttpResponse<String> ok = send(l.csrf(post(scale, "{\"replicas\":3}")).header("origin", server.base()));
        assertEquals(200, ok.statusCode(), ok.body());
        assertEquals(3, server.upstream.currentTasks(web.id()).size());
        assertEquals(new ServiceMode.Replicated(3), server.upstream.service(web.id()).spec().mode());
    }

    @Test
    void writesAreForwardedWithTheirBodiesAndErrorsComeBackNamingTheField() throws Exception {
        Login l = login();
        HttpResponse<String> bad = send(l.csrf(post("/v1/services/" + web.id() + "/scale", "{\"replicas\":-1}")));
        assertEquals(400, bad.statusCode());
        assertEquals("replicas", Json.mapper().readTree(bad.body()).get("field").asText());

        HttpResponse<String> drain = send(l.csrf(post("/v1/nodes/" + node.id() + "/update", "{\"availability\":\"DRAIN\"}")));
        assertEquals(200, drain.statusCode(), drain.body());
        assertEquals(Availability.DRAIN, server.upstream.node(node.id()).spec().availability());

        HttpResponse<String> removed = send(l.csrf(delete("/v1/services/" + web.id())));
        assertEquals(204, removed.statusCode());
        assertTrue(server.upstream.serviceIds().isEmpty());

        HttpResponse<String> stack = send(l.csrf(request("/v1/stacks/shop").header("content-type", "application/yaml")
                .POST(HttpRequest.BodyPublishers.ofString("services: {}\n"))));
        assertEquals(404, stack.statusCode(), "the fake has no stack route yet, like today's manager");
        assertEquals("application/yaml", server.upstream.requestHeaders().get(server.upstream.requestHeaders().size() - 1)
                .get("content-type"));
    }

    @Test
    void aServiceNamedLikeMarkupIsDataNotMarkup() throws Exception {
        String name = "<img src=x onerror=alert(1)>";
        server.upstream.addService(name, "busybox", 1, Map.of());
        Login l = login();
        String body = send(l.on(get("/v1/services"))).body();
        JsonNode list = Json.mapper().readTree(body);
        assertTrue(Stream.of(list.get(0), list.get(1)).anyMatch(v -> name.equals(v.path("service").path("spec").path("name").asText())));
        // The pages build every element with textContent; nothing in them may parse strings as HTML.
        try (Stream<Path> files = Files.walk(webroot())) {
            for (Path f : files.filter(p -> p.toString().endsWith(".js") || p.toString().endsWith(".html")).toList()) {
                String js = Files.readString(f);
                for (String sink : List.of("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(")) {
                    assertFalse(js.contains(sink), f + " uses " + sink);
                }
                assertFalse(f.toString().endsWith(".html") && js.matches("(?s).*<script>.*"), f + " has inline script");
            }
        }
    }

    @Test
    void eventsStreamThroughTheDashboardAsTheyHappen() throws Exception {
        Login l = login();
        HttpResponse<InputStream> r = HTTP.send(l.on(get("/v1/events")).build(), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, r.statusCode());
        assertEquals("text/event-stream", r.headers().firstValue("content-type").orElse(null));
        BlockingQueue<String> lines = new ArrayBlockingQueue<>(1000);
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    lines.offer(line);
                }
            } catch (IOException ignored) {
                // the test closed the stream
            }
        }, "sse-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            awaitLine(lines, "\"action\":\"snapshot\"");
            Service added = server.upstream.addService("live", "redis:7", 1, Map.of());
            String created = awaitLine(lines, "\"action\":\"create\"");
            assertTrue(created.contains(added.id()), created);
        } finally {
            r.body().close();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (server.upstream.openStreams() > 0 && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(10_000_000); // poll interval
        }
        assertEquals(0, server.upstream.openStreams(), "a browser that leaves closes the stream upstream too");
    }

    @Test
    void openStreamsDoNotStarveOtherCalls() throws Exception {
        Login l = login();
        List<HttpResponse<InputStream>> streams = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 12; i++) {
                HttpResponse<InputStream> r = HTTP.send(l.on(get("/v1/events")).build(), HttpResponse.BodyHandlers.ofInputStream());
                assertEquals(200, r.statusCode());
                streams.add(r);
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (server.upstream.openStreams() < 12 && System.nanoTime() < deadline) {
                java.util.concurrent.locks.LockSupport.parkNanos(10_000_000); // poll interval
            }
            assertEquals(12, server.upstream.openStreams());
            HttpResponse<String> nodes = HTTP.send(l.on(get("/v1/nodes")).timeout(Duration.ofSeconds(3)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, nodes.statusCode());
        } finally {
            for (HttpResponse<InputStream> r : streams) {
                r.body().close();
            }
        }
    }

    @Test
    void anUnreachableManagerIsA502WithAMessage() throws Exception {
        Login l = login();
        server.upstream.close();
        HttpResponse<String> r = send(l.on(get("/v1/nodes")));
        assertEquals(502, r.statusCode());
        assertTrue(Json.mapper().readTree(r.body()).get("error").asText().startsWith("cannot reach the manager API"));
    }

    @Test
    void overHttpsTheCookieIsSecure() throws Exception {
        SelfSignedCertificate cert = SelfSignedCertificate.create("localhost");
        try (DashboardServer tls = new DashboardServer(vertx, new DashboardOptions("127.0.0.1", 0,
                new DashboardOptions.Tls(Path.of(cert.certificatePath()), Path.of(cert.privateKeyPath()))))) {
            io.vertx.core.http.HttpClient https = vertx.createHttpClient(new io.vertx.core.http.HttpClientOptions()
                    .setSsl(true).setTrustAll(true).setVerifyHost(false).setUseAlpn(true)
                    .setProtocolVersion(io.vertx.core.http.HttpVersion.HTTP_2));
            try {
                io.vertx.core.http.HttpClientResponse ok = https.request(new io.vertx.core.http.RequestOptions()
                        .setMethod(io.vertx.core.http.HttpMethod.POST).setHost("127.0.0.1").setPort(tls.dashboard.port())
                        .setURI("/auth/login").putHeader("content-type", "application/json"))
                        .compose(req -> req.send("{\"token\":\"" + tls.token + "\"}")).await();
                assertEquals(200, ok.statusCode());
                assertEquals(io.vertx.core.http.HttpVersion.HTTP_2, ok.version(), "streams share one connection");
                assertTrue(ok.getHeader("set-cookie").contains("Secure"), ok.getHeader("set-cookie"));
            } finally {
                https.close().await();
            }
        } finally {
            cert.delete();
        }
    }

    // ---- helpers ----

    private record Login(String cookie, String csrf) {
        HttpRequest.Builder on(HttpRequest.Builder b) {
            return b.header("cookie", DashboardAuth.COOKIE + "=" + cookie);
        }

        HttpRequest.Builder csrf(HttpRequest.Builder b) {
            return on(b).header(DashboardAuth.CSRF_HEADER, csrf);
        }
    }

    private Login login() throws Exception {
        HttpResponse<String> r = send(post("/auth/login", loginBody()));
        assertEquals(200, r.statusCode(), r.body());
        String setCookie = r.headers().firstValue("set-cookie").orElseThrow();
        String value = setCookie.substring(setCookie.indexOf('=') + 1, setCookie.indexOf(';'));
        return new Login(value, Json.mapper().readTree(r.body()).get("csrfToken").asText());
    }

    private String loginBody() {
        return "{\"token\":\"" + server.token + "\"}";
    }

    private static Path webroot() throws Exception {
        return Path.of(DashboardRoutesTest.class.getResource("/" + Dashboard.WEBROOT + "/app/main.js").toURI())
                .getParent().getParent();
    }

    private static String awaitLine(BlockingQueue<String> lines, String containing) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        String last = null;
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null) {
                last = line;
                if (line.contains(containing)) {
                    return line;
                }
            }
        }
        return fail("no event line containing " + containing + " within 5 s; last line: " + last);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(server.base() + path)).timeout(Duration.ofSeconds(10));
    }

    private HttpRequest.Builder get(String path) {
        return request(path).GET();
    }

    private HttpRequest.Builder post(String path, String json) {
        return request(path).header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
    }

    private HttpRequest.Builder delete(String path) {
        return request(path).DELETE();
    }

    private static HttpResponse<String> send(HttpRequest.Builder b) throws IOException, InterruptedException {
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
