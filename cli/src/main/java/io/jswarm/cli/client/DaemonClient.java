package io.jswarm.cli.client;

import io.jswarm.cli.CliException;
import io.jswarm.cli.DaemonAddress;
import io.jswarm.cli.ExitCodes;
import io.jswarm.manager.client.ApiClient;
import io.jswarm.manager.client.ApiResponse;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import java.nio.file.Files;
import java.time.Duration;

/**
 * A command's connection to its daemon, over the manager's {@link ApiClient}: calls that either
 * return the successful answer or fail with a {@link CliException} carrying the daemon's one-line
 * error (which names the field at fault).
 */
public final class DaemonClient implements AutoCloseable {
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Vertx vertx;
    private final ApiClient api;
    private final DaemonAddress address;

    private DaemonClient(Vertx vertx, ApiClient api, DaemonAddress address) {
        this.vertx = vertx;
        this.api = api;
        this.address = address;
    }

    public static DaemonClient connect(DaemonAddress address) {
        return connect(address, TIMEOUT);
    }

    /** With a longer {@code timeout} for calls that wait on the cluster (a stack deploy's depends_on waits). */
    public static DaemonClient connect(DaemonAddress address, Duration timeout) {
        if (!(address instanceof DaemonAddress.UnixSocket unix)) {
            throw new CliException(ExitCodes.USAGE, "-H: tcp:// addresses need a client certificate, which this build "
                    + "cannot use yet; run the command on a manager's host (unix socket)");
        }
        if (!Files.exists(unix.path())) {
            throw new CliException(ExitCodes.NO_DAEMON, "no jswarm daemon at " + address + " (is it running? is --data-dir right?)");
        }
        Vertx vertx = Vertx.vertx();
        return new DaemonClient(vertx, ApiClient.unixSocket(vertx, unix.path(), timeout), address);
    }

    public Vertx vertx() {
        return vertx;
    }

    public DaemonAddress address() {
        return address;
    }

    public ApiResponse get(String path) {
        return call(HttpMethod.GET, path, null);
    }

    public ApiResponse post(String path, Object body) {
        return call(HttpMethod.POST, path, body);
    }

    public ApiResponse delete(String path) {
        return call(HttpMethod.DELETE, path, null);
    }

    private ApiResponse call(HttpMethod method, String path, Object body) {
        ApiResponse r;
        try {
            r = api.call(method, path, body).await();
        } catch (RuntimeException e) {
            throw new CliException(ExitCodes.NO_DAEMON, "cannot reach the jswarm daemon at " + address + ": " + e.getMessage(), e);
        }
        if (!r.ok()) {
            throw new CliException(ExitCodes.FAILED, r.error());
        }
        return r;
    }

    @Override
    public void close() {
        api.close();
        vertx.close();
    }
}
