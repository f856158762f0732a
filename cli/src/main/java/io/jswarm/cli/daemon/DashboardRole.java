package io.jswarm.cli.daemon;

import io.jswarm.manager.api.ApiException;
import io.jswarm.manager.api.HttpJson;
import io.jswarm.manager.node.NodeSession;
import io.jswarm.webui.AdminTokenFile;
import io.jswarm.webui.Dashboard;
import io.jswarm.webui.DashboardAuth;
import io.jswarm.webui.DashboardOptions;
import io.jswarm.webui.Upstream;
import io.vertx.core.Future;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboard on a manager: web-ui's {@link Dashboard} with this node's own local API as its
 * upstream, its admin token hash in {@code <data-dir>/dashboard-token}. The first activation as a
 * manager creates the token; the daemon keeps it in memory until {@code init} fetches it once
 * ({@code POST /v1/dashboard/token/initial}); {@code POST /v1/dashboard/token/rotate} makes a new
 * one (old sessions end). Both routes are on the root-only local socket.
 */
final class DashboardRole implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DashboardRole.class);

    private final DashboardOptions options;
    private final Clock clock;
    private AdminTokenFile tokenFile;
    private String unshownToken;
    private Dashboard dashboard;

    /** @param options null: no dashboard */
    DashboardRole(DashboardOptions options, Clock clock) {
        this.options = options;
        this.clock = clock;
    }

    synchronized void activate(NodeSession s) {
        if (options == null || dashboard != null) {
            return;
        }
        tokenFile = new AdminTokenFile(s.dataDir().resolve("dashboard-token"));
        try {
            if (tokenFile.hash().isEmpty()) {
                unshownToken = tokenFile.rotate();
            }
        } catch (IOException e) {
            LOG.warn("cannot write the dashboard token: {}", e.getMessage());
            return;
        }
        AdminTokenFile file = tokenFile;
        Upstream upstream = Upstream.over(Upstream.newClient(s.vertx()), SocketAddress.domainSocketAddress(s.localApi().toString()));
        try {
            dashboard = Dashboard.start(s.vertx(), options, new DashboardAuth(file::hash, clock, DashboardAuth.DEFAULT_IDLE), upstream)
                    .await();
            LOG.info("dashboard at {}", address());
        } catch (RuntimeException e) {
            LOG.warn("dashboard not started on {}:{}: {}", options.host(), options.port(), e.getMessage());
        }
    }

    String address() {
        return (options.tls() == null ? "http://" : "https://") + options.host() + ":" + (dashboard == null ? options.port() : dashboard.port());
    }

    void mountLocal(Router r) {
        r.post("/v1/dashboard/token/initial").handler(ctx -> HttpJson.handle(ctx, c -> Future.succeededFuture(initial())));
        r.post("/v1/dashboard/token/rotate").handler(ctx -> HttpJson.handle(ctx, c -> Future.succeededFuture(rotate())));
    }

    private synchronized Map<String, String> initial() {
        requireRunning();
        Map<String, String> out = new LinkedHashMap<>();
        out.put("address", address());
        if (unshownToken != null) {
            out.put("token", unshownToken);
            unshownToken = null; // shown once
        }
        return out;
    }

    private synchronized Map<String, String> rotate() {
        requireRunning();
        try {
            unshownToken = null;
            return Map.of("address", address(), "token", tokenFile.rotate());
        } catch (IOException e) {
            throw new ApiException(500, null, "cannot write the dashboard token: " + e.getMessage());
        }
    }

    private void requireRunning() {
        if (dashboard == null) {
            throw new ApiException(409, null, options == null ? "the dashboard is turned off on this node (--dashboard-addr none)"
                    : "the dashboard runs only on managers of a cluster");
        }
    }

    @Override
    public synchronized void close() {
        if (dashboard != null) {
            dashboard.close();
            dashboard = null;
        }
    }
}
