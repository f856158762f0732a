package io.jswarm.webui;

import com.fasterxml.jackson.databind.JsonNode;
import io.jswarm.api.json.Json;
import io.vertx.core.Handler;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * The HTTP side of {@link DashboardAuth}: the login and logout routes, the session cookie, and
 * the check in front of every protected route (a session, and for anything but GET/HEAD the
 * session's CSRF token in {@link DashboardAuth#CSRF_HEADER} plus a same-origin Origin header).
 */
final class SessionGate {
    static final String SESSION_KEY = "jswarm.dashboard.session";

    private final DashboardAuth auth;
    private final boolean https;

    SessionGate(DashboardAuth auth, boolean https) {
        this.auth = auth;
        this.https = https;
    }

    /** Pages redirect to the login; scripts and API calls get 401 so the page can react. */
    Handler<RoutingContext> require(boolean page) {
        return ctx -> {
            Optional<Session> s = auth.session(cookie(ctx));
            if (s.isEmpty()) {
                if (page) {
                    ctx.response().setStatusCode(302).putHeader(HttpHeaders.LOCATION, "/login").end();
                } else {
                    Answers.error(ctx, 401, null, "log in to the dashboard first");
                }
                return;
            }
            if (changesState(ctx.request().method())) {
                if (!sameOrigin(ctx)) {
                    Answers.error(ctx, 403, "Origin", "cross-site request refused");
                    return;
                }
                if (!DashboardAuth.csrfMatches(s.get(), ctx.request().getHeader(DashboardAuth.CSRF_HEADER))) {
                    Answers.error(ctx, 403, DashboardAuth.CSRF_HEADER, "missing or wrong CSRF token; reload the page");
                    return;
                }
            }
            ctx.put(SESSION_KEY, s.get());
            ctx.next();
        };
    }

    void login(RoutingContext ctx) {
        // JSON only: a cross-site HTML form cannot send it, so nobody can log a victim into a session.
        String type = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
        if (type == null || !type.toLowerCase().startsWith("application/json")) {
            Answers.error(ctx, 415, null, "send the token as JSON: {\"token\": \"…\"}");
            return;
        }
        if (!sameOrigin(ctx)) {
            Answers.error(ctx, 403, "Origin", "cross-site request refused");
            return;
        }
        String token;
        try {
            JsonNode body = Json.mapper().readTree(ctx.body().asString());
            JsonNode t = body == null ? null : body.get("token");
            if (t == null || !t.isTextual() || t.asText().isBlank()) {
                Answers.error(ctx, 400, "token", "must be the admin token as a string");
                return;
            }
            token = t.asText().trim();
        } catch (java.io.IOException | RuntimeException e) {
            Answers.error(ctx, 400, "token", "request body must be a JSON object");
            return;
        }
        Optional<Session> s = auth.login(token);
        if (s.isEmpty()) {
            Answers.error(ctx, 401, "token", "wrong admin token");
            return;
        }
        ctx.response().addCookie(sessionCookie(s.get().id()));
        Answers.json(ctx, 200, Map.of("csrfToken", s.get().csrfToken()));
    }

    void describe(RoutingContext ctx) {
        Session s = ctx.get(SESSION_KEY);
        Answers.json(ctx, 200, Map.of("csrfToken", s.csrfToken()));
    }

    void logout(RoutingContext ctx) {
        auth.logout(ctx.get(SESSION_KEY));
        ctx.response().addCookie(sessionCookie("").setMaxAge(0));
        ctx.response().setStatusCode(204).end();
    }

    private Cookie sessionCookie(String value) {
        return Cookie.cookie(DashboardAuth.COOKIE, value).setPath("/").setHttpOnly(true)
                .setSameSite(CookieSameSite.STRICT).setSecure(https);
    }

    private static String cookie(RoutingContext ctx) {
        Cookie c = ctx.request().getCookie(DashboardAuth.COOKIE);
        return c == null ? null : c.getValue();
    }

    static boolean changesState(HttpMethod m) {
        return !(m.equals(HttpMethod.GET) || m.equals(HttpMethod.HEAD) || m.equals(HttpMethod.OPTIONS));
    }

    /** An Origin header, when the browser sends one, must name this very host and port. */
    private static boolean sameOrigin(RoutingContext ctx) {
        String origin = ctx.request().getHeader(HttpHeaders.ORIGIN);
        if (origin == null) {
            return true;
        }
        HostAndPort self = ctx.request().authority();
        try {
            URI u = URI.create(origin);
            if (self == null || u.getHost() == null || u.getScheme() == null) {
                return false;
            }
            int defaultPort = u.getScheme().equals("https") ? 443 : 80;
            int originPort = u.getPort() < 0 ? defaultPort : u.getPort();
            int selfPort = self.port() < 0 ? defaultPort : self.port();
            return u.getHost().equalsIgnoreCase(self.host()) && originPort == selfPort;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
