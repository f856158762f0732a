package io.jswarm.manager.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jswarm.manager.api.Wire;
import io.jswarm.manager.client.ApiClient;
import io.jswarm.manager.client.ApiResponse;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Bad input on the local API: always a 4xx whose body names the field, never a 5xx. */
@Timeout(120)
class ApiInputTest {
    @TempDir
    static Path dir;

    static Daemon daemon;
    static Vertx vertx;
    static ApiClient api;

    @BeforeAll
    static void start() throws Exception {
        daemon = Daemon.start(DaemonOptions.defaults(dir.resolve("node")).withHostname("api-test"));
        vertx = Vertx.vertx();
        api = ApiClient.unixSocket(vertx, dir.resolve("node/jswarm.sock"), Duration.ofSeconds(30));
        // Before init: bad addresses name their field and leave the node uninitialized.
        assertField(call(HttpMethod.POST, "/v1/swarm/init", Map.of("advertiseAddr", "999.1.1.1")), 400, "advertiseAddr");
        assertField(call(HttpMethod.POST, "/v1/swarm/init", Map.of("advertiseAddr", "127.0.35.1:99999")), 400, "advertiseAddr");
        assertField(call(HttpMethod.POST, "/v1/swarm/init", Map.of("advertiseAddr", "127.0.35.1", "heartbeatPeriod", "1ms")),
                400, "heartbeatPeriod");
        assertEquals("inactive", call(HttpMethod.GET, "/v1/info", null).as(Wire.Info.class).state());
        ApiResponse init = call(HttpMethod.POST, "/v1/swarm/init", new Wire.InitRequest("127.0.35.1", null, null));
        assertEquals(200, init.status(), init.body());
    }

    @AfterAll
    static void stop() {
        if (api != null) {
            api.close();
        }
        if (vertx != null) {
            vertx.close().await();
        }
        if (daemon != null) {
            daemon.close();
        }
    }

    static ApiResponse call(HttpMethod method, String path, Object body) {
        return api.callAndWait(null, method, path, body);
    }

    static void assertField(ApiResponse r, int status, String field) {
        assertEquals(status, r.status(), r.body());
        assertTrue(r.body().contains("\"field\":\"" + field + "\""), "no field " + field + " in " + r.body());
    }

    @Test
    void unknownFieldsWrongTypesAndBadEnumsNameTheirField() {
        String node = call(HttpMethod.GET, "/v1/info", null).as(Wire.Info.class).nodeId();
        assertField(call(HttpMethod.POST, "/v1/nodes/" + node + "/update", Map.of("availabilty", "drain")), 400, "availabilty");
        assertField(call(HttpMethod.POST, "/v1/nodes/" + node + "/update", Map.of("availability", "sleep")), 400, "availability");
        assertField(call(HttpMethod.POST, "/v1/nodes/" + node + "/update", Map.of("labelAdd", "x")), 400, "labelAdd");
        assertField(call(HttpMethod.POST, "/v1/nodes/" + node + "/update", Map.of("labelAdd", Map.of("", "v"))), 400, "labelAdd");
        assertEquals(409, call(HttpMethod.POST, "/v1/swarm/join", Map.of("token", "x")).status(), "join on an active node");
        assertEquals(404, call(HttpMethod.GET, "/v1/nodes/nosuchnode", null).status());
        assertEquals(409, call(HttpMethod.POST, "/v1/swarm/init", new Wire.InitRequest("127.0.35.1", null, null)).status());
    }

    @Test
    void aStaleVersionIsAConflict() {
        String node = call(HttpMethod.GET, "/v1/info", null).as(Wire.Info.class).nodeId();
        long read = call(HttpMethod.GET, "/v1/nodes/" + node, null).as(io.jswarm.api.node.Node.class).meta().version();
        assertEquals(200, call(HttpMethod.POST, "/v1/nodes/" + node + "/update", Map.of("availability", "active")).status());
        ApiResponse r = call(HttpMethod.POST, "/v1/nodes/" + node + "/update", Map.of("version", read, "availability", "pause"));
        assertEquals(409, r.status(), r.body());
    }

    @Test
    void malformedAndOversizedBodiesAreRefused() {
        ApiResponse big = call(HttpMethod.PUT, "/v1/objects/big", Map.of("id", "big", "value", "x".repeat(2 << 20)));
        assertEquals(413, big.status());
        ApiResponse missing = call(HttpMethod.PUT, "/v1/objects/o", null);
        assertEquals(400, missing.status(), missing.body());
        assertField(call(HttpMethod.PUT, "/v1/objects/o", Map.of("id", "o")), 400, "value");
    }
}
