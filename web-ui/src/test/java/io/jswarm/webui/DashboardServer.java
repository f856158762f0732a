package io.jswarm.webui;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.net.SocketAddress;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** A dashboard in front of a fake manager API, both on 127.0.0.1, for the tests. */
final class DashboardServer implements AutoCloseable {
    final FakeManagerApi upstream;
    final Dashboard dashboard;
    final AtomicReference<String> tokenHash = new AtomicReference<>();
    final String token = AdminToken.generate();
    private final HttpClient client;

    DashboardServer(Vertx vertx, DashboardOptions options) {
        upstream = FakeManagerApi.start(vertx);
        tokenHash.set(AdminToken.hash(token));
        client = Upstream.newClient(vertx);
        DashboardAuth auth = new DashboardAuth(() -> Optional.ofNullable(tokenHash.get()), Clock.systemUTC(),
                DashboardAuth.DEFAULT_IDLE);
        Dashboard d;
        try {
            d = Dashboard.start(vertx, options, auth,
                    Upstream.over(client, SocketAddress.inetSocketAddress(upstream.port(), "127.0.0.1"))).await();
        } catch (RuntimeException e) {
            upstream.close();
            throw e;
        }
        dashboard = d;
    }

    static DashboardServer start(Vertx vertx) {
        return new DashboardServer(vertx, DashboardOptions.localhost(0));
    }

    String base() {
        return "http://127.0.0.1:" + dashboard.port();
    }

    @Override
    public void close() {
        try {
            dashboard.close();
        } finally {
            client.close().await();
            upstream.close();
        }
    }
}
