package io.jswarm.webui;

import io.vertx.core.http.HttpMethod;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The manager API routes the dashboard may call, and nothing else: join tokens, Raft internals
 * and node-to-node routes are not reachable through a browser session even though the admin
 * behind it could use them from the CLI. Pure; the caller passes the raw request path.
 */
final class ForwardedRoutes {
    private record Route(HttpMethod method, Pattern path) {}

    private static final String ID = "[^/]+";
    private static final List<Route> ROUTES = List.of(
            get("/v1/cluster"),
            get("/v1/nodes"),
            get("/v1/nodes/" + ID),
            post("/v1/nodes/" + ID + "/update"),
            get("/v1/services"),
            post("/v1/services"),
            get("/v1/services/" + ID),
            post("/v1/services/" + ID + "/update"),
            post("/v1/services/" + ID + "/scale"),
            new Route(HttpMethod.DELETE, Pattern.compile("/v1/services/" + ID)),
            get("/v1/services/" + ID + "/logs"),
            get("/v1/tasks"),
            get("/v1/events"),
            // Stack deploy from a compose file (the manager parses it; problems come back by line).
            post("/v1/stacks/" + ID));

    private ForwardedRoutes() {}

    static boolean allowed(HttpMethod method, String path) {
        if (path == null || path.contains("/../") || path.endsWith("/..") || path.contains("/./")) {
            return false;
        }
        for (Route r : ROUTES) {
            if (r.method().equals(method) && r.path().matcher(path).matches()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Answers that stream (server-sent events, followed logs) must not be cut by an idle timeout;
     * nor a stack deploy, which answers only once its depends_on waits are over (bounded by the
     * manager's own deadline).
     */
    static boolean streams(String path) {
        return path.equals("/v1/events") || path.endsWith("/logs") || path.startsWith("/v1/stacks/");
    }

    private static Route get(String regex) {
        return new Route(HttpMethod.GET, Pattern.compile(regex));
    }

    private static Route post(String regex) {
        return new Route(HttpMethod.POST, Pattern.compile(regex));
    }
}
