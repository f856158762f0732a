package io.jswarm.webui;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;

/**
 * The manager API the dashboard forwards to. The dashboard depends on this interface, never on
 * the manager module: the daemon hands it a client for its own API (the local Unix socket, where
 * the caller is the host's administrator), tests hand it a fake server on 127.0.0.1.
 */
@FunctionalInterface
public interface Upstream {

    /** Opens a request for {@code uri} (path and query, starting with /v1/). */
    Future<HttpClientRequest> open(HttpMethod method, String uri);

    /**
     * Streams held open to forward: each open tab holds its event stream, a service page its logs.
     * Vert.x pools 5 connections per server by default, so 3 tabs would starve every other call.
     */
    int MAX_CONNECTIONS = 256;

    /** An HTTP client fit for {@link #over}: a pool as large as the streams browsers may hold open. */
    static HttpClient newClient(Vertx vertx) {
        return vertx.createHttpClient(new HttpClientOptions(), new PoolOptions().setHttp1MaxSize(MAX_CONNECTIONS));
    }

    /** An upstream reached with {@code client} at {@code server} (TCP or a Unix domain socket). */
    static Upstream over(HttpClient client, SocketAddress server) {
        return (method, uri) -> client.request(new RequestOptions().setServer(server).setMethod(method)
                // A Unix socket has no host; the manager's router does not look at it.
                .setHost(server.isInetSocket() ? server.host() : "localhost")
                .setPort(server.isInetSocket() ? server.port() : 80)
                .setURI(uri));
    }
}
