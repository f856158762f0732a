package io.jswarm.webui;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;

/**
 * The web dashboard a manager serves on its own port: the static pages, the login, and the /v1
 * calls of the pages forwarded to the manager API ({@link Upstream}).
 *
 * <pre>
 *   GET  /login, /public/*         anyone (the login page and what it needs)
 *   POST /auth/login               {token} → session cookie + CSRF token
 *   GET  /auth/session             session → its CSRF token
 *   POST /auth/logout              session + CSRF
 *   GET  /, /app/*                 session (else redirect to /login, 401 for scripts)
 *   *    /v1/…                     session (+ CSRF unless GET), allow-listed, forwarded
 * </pre>
 */
public final class Dashboard implements AutoCloseable {
    static final String WEBROOT = "jswarm-dashboard";
    private static final long BODY_LIMIT = 2 << 20;

    private final HttpServer server;

    private Dashboard(HttpServer server) {
        this.server = server;
    }

    /** Starts serving; the future fails if the port cannot be bound or the certificate not read. */
    public static Future<Dashboard> start(Vertx vertx, DashboardOptions options, DashboardAuth auth, Upstream upstream) {
        boolean https = options.tls() != null;
        Router router = router(vertx, auth, upstream, https);
        HttpServerOptions serverOptions = new HttpServerOptions().setHost(options.host()).setPort(options.port());
        if (https) {
            // HTTP/2 over TLS: browsers allow only 6 HTTP/1.1 connections per host, and every tab
            // holds one for its event stream; HTTP/2 multiplexes them over one connection.
            serverOptions.setSsl(true).setUseAlpn(true).setKeyCertOptions(new PemKeyCertOptions()
                    .setCertPath(options.tls().certPem().toString())
                    .setKeyPath(options.tls().keyPem().toString()));
        }
        return vertx.createHttpServer(serverOptions).requestHandler(router).listen().map(Dashboard::new);
    }

    static Router router(Vertx vertx, DashboardAuth auth, Upstream upstream, boolean https) {
        Router r = Router.router(vertx);
        SessionGate gate = new SessionGate(auth, https);
        r.route().handler(SecurityHeaders::add);
        r.route("/auth/*").handler(BodyHandler.create().setBodyLimit(64 * 1024));
        r.route("/v1/*").handler(BodyHandler.create().setBodyLimit(BODY_LIMIT));

        r.get("/login").handler(ctx -> ctx.response().sendFile(WEBROOT + "/public/login.html"));
        r.route("/public/*").handler(staticFiles(vertx, "public"));
        r.post("/auth/login").handler(gate::login);

        r.route("/auth/session").handler(gate.require(false));
        r.get("/auth/session").handler(gate::describe);
        r.route("/auth/logout").handler(gate.require(false));
        r.post("/auth/logout").handler(gate::logout);

        r.get("/").handler(gate.require(true));
        r.get("/").handler(ctx -> ctx.response().sendFile(WEBROOT + "/app/index.html"));
        r.route("/app/*").handler(gate.require(false));
        r.route("/app/*").handler(staticFiles(vertx, "app"));

        ApiForwarder forwarder = new ApiForwarder(upstream);
        r.route("/v1/*").handler(gate.require(false));
        r.route("/v1/*").handler(forwarder::forward);

        r.route().last().handler(ctx -> Answers.error(ctx, 404, null, "no such page: " + ctx.request().path()));
        return r;
    }

    private static StaticHandler staticFiles(Vertx vertx, String dir) {
        // No caching: a manager upgrade must not leave old scripts in browsers.
        return StaticHandler.create(WEBROOT + "/" + dir).setCachingEnabled(false).setDirectoryListing(false)
                .setIncludeHidden(false);
    }

    public int port() {
        return server.actualPort();
    }

    @Override
    public void close() {
        server.close().await();
    }
}
