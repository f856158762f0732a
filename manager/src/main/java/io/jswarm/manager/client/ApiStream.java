package io.jswarm.manager.client;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.parsetools.RecordParser;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * A streaming GET over the local Unix socket (server-sent events, followed logs): each line of the
 * answer goes to {@code onLine} as it arrives. {@link ApiClient} reads whole answers; this is its
 * counterpart for answers that do not end.
 */
public final class ApiStream implements AutoCloseable {
    private final HttpClient http;

    private ApiStream(HttpClient http) {
        this.http = http;
    }

    public static ApiStream unixSocket(Vertx vertx) {
        return new ApiStream(vertx.createHttpClient(new HttpClientOptions()));
    }

    /**
     * Completes when the server ends the stream (or the connection fails). A non-2xx answer fails
     * with its error body, like {@link ApiResponse#error()}.
     */
    public Future<Void> get(Path socket, String path, Consumer<String> onLine) {
        Promise<Void> done = Promise.promise();
        http.request(new RequestOptions().setMethod(HttpMethod.GET).setURI(path)
                        .setServer(SocketAddress.domainSocketAddress(socket.toString())).setHost("localhost"))
                .compose(req -> req.send())
                .onFailure(done::tryFail)
                .onSuccess(resp -> {
                    if (resp.statusCode() / 100 != 2) {
                        resp.body().onComplete(b -> done.tryFail(new IllegalStateException(
                                new ApiResponse(resp.statusCode(), b.succeeded() ? b.result().toString() : "").error())));
                        return;
                    }
                    RecordParser lines = RecordParser.newDelimited("\n", buf -> onLine.accept(buf.toString()));
                    resp.handler(lines);
                    resp.endHandler(v -> done.tryComplete());
                    resp.exceptionHandler(done::tryFail);
                });
        return done.future();
    }

    @Override
    public void close() {
        http.close();
    }
}
