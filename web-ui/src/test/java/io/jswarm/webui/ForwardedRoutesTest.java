package io.jswarm.webui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.http.HttpMethod;
import org.junit.jupiter.api.Test;

class ForwardedRoutesTest {
    @Test
    void theDashboardsRoutesAreForwarded() {
        assertTrue(ForwardedRoutes.allowed(HttpMethod.GET, "/v1/nodes"));
        assertTrue(ForwardedRoutes.allowed(HttpMethod.POST, "/v1/nodes/abc/update"));
        assertTrue(ForwardedRoutes.allowed(HttpMethod.GET, "/v1/services"));
        assertTrue(ForwardedRoutes.allowed(HttpMethod.POST, "/v1/services/web/scale"));
        assertTrue(ForwardedRoutes.allowed(HttpMethod.POST, "/v1/services/web/update"));
        assertTrue(ForwardedRoutes.allowed(HttpMethod.DELETE, "/v1/services/web"));
        assertTrue(ForwardedRoutes.allowed(HttpMethod.GET, "/v1/services/web/logs"));
        assertTrue(ForwardedRoutes.allowed(HttpMethod.GET, "/v1/tasks"));
        assertTrue(ForwardedRoutes.allowed(HttpMethod.GET, "/v1/events"));
        assertTrue(ForwardedRoutes.allowed(HttpMethod.POST, "/v1/stacks/shop"));
    }

    @Test
    void everythingElseIsNot() {
        assertFalse(ForwardedRoutes.allowed(HttpMethod.GET, "/v1/join-tokens"));
        assertFalse(ForwardedRoutes.allowed(HttpMethod.GET, "/v1/raft"));
        assertFalse(ForwardedRoutes.allowed(HttpMethod.PUT, "/v1/objects/x"));
        assertFalse(ForwardedRoutes.allowed(HttpMethod.POST, "/v1/join"));
        assertFalse(ForwardedRoutes.allowed(HttpMethod.DELETE, "/v1/nodes/abc"));
        assertFalse(ForwardedRoutes.allowed(HttpMethod.GET, "/v1/services/web/../../join-tokens"));
        assertFalse(ForwardedRoutes.allowed(HttpMethod.GET, "/v1/services/a/b"));
        assertFalse(ForwardedRoutes.allowed(HttpMethod.GET, null));
    }

    @Test
    void plainHttpOnlyOnLoopback() {
        DashboardOptions.localhost(0);
        new DashboardOptions("127.0.0.2", 1, null);
        new DashboardOptions("0.0.0.0", 1, new DashboardOptions.Tls(java.nio.file.Path.of("c"), java.nio.file.Path.of("k")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new DashboardOptions("0.0.0.0", 1, null));
        assertTrue(e.getMessage().startsWith("dashboard host"));
        assertThrows(IllegalArgumentException.class, () -> new DashboardOptions("127.0.0.1", 70000, null));
    }
}
