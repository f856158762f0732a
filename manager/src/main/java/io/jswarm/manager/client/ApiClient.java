package io.jswarm.manager.client;

import io.jswarm.manager.ca.NodeCredentials;
import io.jswarm.manager.store.StoreJson;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.KeyCertOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.net.TrustOptions;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Set;

/**
 * An HTTP/JSON client for the jswarm API, either over the local Unix socket (the CLI on the same
 * host) or over mutual TLS to a node's cluster port (node to node, trusting only the cluster CA).
 */
public final class ApiClient implements AutoCloseable {
    /** Enough HTTP/1.1 connections that concurrent callers (16 benchmark writers) do not queue in the client. */
    private static final io.vertx.core.http.PoolOptions POOL = new io.vertx.core.http.PoolOptions().setHttp1MaxSize(32);

    private final io.vertx.core.Context context;
    private final HttpClient http;
    private final SocketAddress fixedServer;
    private final Duration timeout;

    private ApiClient(Vertx vertx, HttpClient http, SocketAddress fixedServer, Duration timeout) {
        this.context = vertx.getOrCreateContext();
        this.http = http;
        this.fixedServer = fixedServer;
        this.timeout = timeout;
    }

    public static ApiClient unixSocket(Vertx vertx, Path socket, Duration timeout) {
        return new ApiClient(vertx, vertx.createHttpClient(new HttpClientOptions(), POOL),
                SocketAddress.domainSocketAddress(socket.toString()), timeout);
    }

    /** Mutual TLS with this node's credentials; {@code call(addr, …)} picks the node. */
    public static ApiClient mutualTls(Vertx vertx, NodeCredentials creds, Duration timeout) {
        return new ApiClient(vertx, vertx.createHttpClient(tlsOptions(creds.ca())
                .setKeyCertOptions(KeyCertOptions.wrap(creds.keyManagers())), POOL), null, timeout);
    }

    /** Mutual TLS with a (reloadable) key manager: renewed certificates are used for new connections. */
    public static ApiClient mutualTls(Vertx vertx, javax.net.ssl.X509KeyManager keys, X509Certificate ca, Duration timeout) {
        return new ApiClient(vertx, vertx.createHttpClient(tlsOptions(ca)
                .setKeyCertOptions(KeyCertOptions.wrap(keys)), POOL), null, timeout);
    }

    /** Presents {@code presented} (chain to its own CA) while trusting {@code trusted}: for tests of foreign certificates. */
    public static ApiClient mutualTls(Vertx vertx, NodeCredentials presented, X509Certificate trusted, Duration timeout) {
        return new ApiClient(vertx, vertx.createHttpClient(tlsOptions(trusted)
                .setKeyCertOptions(KeyCertOptions.wrap(presented.keyManagers()))), null, timeout);
    }

    /** TLS trusting {@code ca} without a client certificate: a joiner before it has one. */
    public static ApiClient pinned(Vertx vertx, X509Certificate ca, Duration timeout) {
        return new ApiClient(vertx, vertx.createHttpClient(tlsOptions(ca)), null, timeout);
    }

    private static HttpClientOptions tlsOptions(X509Certificate ca) {
        // Names are not checked: nodes are identified by their certificate's subject, issued by
        // the cluster CA that is the only trust anchor.
        return new HttpClientOptions().setSsl(true).setVerifyHost(false)
                .setEnabledSecureTransportProtocols(Set.of("TLSv1.3"))
                .setTrustOptions(TrustOptions.wrap(NodeCredentials.trustOnly(ca)));
    }

    public Future<ApiResponse> call(HttpMethod method, String path, Object body) {
        return call(null, method, path, body);
    }

    /** {@code address} is host:port for TLS clients, ignored for the Unix socket. */
    public Future<ApiResponse> call(String address, HttpMethod method, String path, Object body) {
        if (Vertx.currentContext() != null) {
            return send(address, method, path, body);
        }
        // Requests started from a plain thread (CLI, tests) sometimes never completed with
        // Vert.x 5.0.7 (about 1 in 300-2,500 over a Unix socket, no timeout firing); started on
        // a Vert.x context they do. So plain threads hand the request to this client's context.
        io.vertx.core.Promise<ApiResponse> promise = io.vertx.core.Promise.promise();
        context.runOnContext(v -> send(address, method, path, body).onComplete(promise));
        return promise.future();
    }

    private Future<ApiResponse> send(String address, HttpMethod method, String path, Object body) {
        RequestOptions options = new RequestOptions().setMethod(method).setURI(path)
                .setConnectTimeout(timeout.toMillis()).setIdleTimeout(timeout.toMillis())
                .putHeader("content-type", "application/json");
        if (fixedServer != null) {
            options.setServer(fixedServer).setHost("localhost");
        } else {
            int colon = address.lastIndexOf(':');
            options.setHost(address.substring(0, colon)).setPort(Integer.parseInt(address.substring(colon + 1)));
        }
        Buffer payload;
        try {
            payload = body == null ? Buffer.buffer() : Buffer.buffer(StoreJson.mapper().writeValueAsString(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return Future.failedFuture(e);
        }
        return http.request(options)
                .compose(req -> req.send(payload))
                .compose(resp -> resp.body().map(b -> new ApiResponse(resp.statusCode(), b.toString())));
    }

    /**
     * Blocking call for threads outside Vert.x (CLI, tests), bounded by the timeout even if the
     * connection stalls without closing.
     */
    public ApiResponse callAndWait(String address, HttpMethod method, String path, Object body) {
        try {
            return call(address, method, path, body).toCompletionStage().toCompletableFuture()
                    .get(timeout.toMillis() + 1000, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new java.io.UncheckedIOException(
                    new java.io.IOException(e.getCause().getMessage(), e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.UncheckedIOException(new java.io.IOException("interrupted", e));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new java.io.UncheckedIOException(new java.io.IOException(
                    "no answer from " + (address == null ? "the local daemon" : address) + " within " + timeout.toSeconds() + " s"));
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
