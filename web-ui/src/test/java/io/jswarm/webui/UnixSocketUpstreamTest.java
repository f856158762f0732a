package io.jswarm.webui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.net.SocketAddress;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daemon hands the dashboard its local API socket; requests must reach it there. */
class UnixSocketUpstreamTest {
    @Test
    void forwardsOverAUnixDomainSocket(@TempDir Path dir) {
        Vertx vertx = Vertx.vertx();
        try {
            SocketAddress socket = SocketAddress.domainSocketAddress(dir.resolve("api.sock").toString());
            HttpServer api = vertx.createHttpServer().requestHandler(req -> req.response()
                    .putHeader("content-type", "application/json").end("{\"path\":\"" + req.path() + "\"}"))
                    .listen(socket).await();
            HttpClient client = vertx.createHttpClient();
            String body = Upstream.over(client, socket).open(HttpMethod.GET, "/v1/nodes")
                    .compose(req -> req.send().compose(resp -> resp.body())).await().toString();
            assertEquals("{\"path\":\"/v1/nodes\"}", body);
            client.close().await();
            api.close().await();
        } finally {
            vertx.close().await();
        }
    }
}
