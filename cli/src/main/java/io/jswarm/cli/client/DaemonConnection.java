package io.jswarm.cli.client;

import io.jswarm.cli.CliException;
import io.jswarm.cli.DaemonAddress;
import io.jswarm.cli.ExitCodes;
import io.jswarm.manager.client.ApiClient;
import io.jswarm.manager.client.ApiResponse;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpMethod;
import java.nio.file.Files;
import java.time.Duration;

/**
 * The CLI's connection to its node daemon over the local Unix socket. Failures become one-line
 * {@link CliException}s: no daemon (exit 3), or the daemon's own error message naming the field.
 */
public final class DaemonConnection implements AutoCloseable {
    private final DaemonAddress.UnixSocket address;
    private final Vertx vertx;
    private final ApiClient client;

    private DaemonConnection(DaemonAddress.UnixSocket address, Duration timeout) {
        this.address = address;
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
        this.client = ApiClient.unixSocket(vertx, address.path(), timeout);
    }

    public static DaemonConnection open(DaemonAddress address, Duration timeout) {
        if (address instanceof DaemonAddress.UnixSocket unix) {
            return new DaemonConnection(unix, timeout);
        }
        throw new CliException(ExitCodes.USAGE, "-H " + address
                + ": this build talks to daemons over their local Unix socket only (use unix:///path/to/jswarm.sock or --data-dir)");
    }

    public DaemonAddress.UnixSocket address() {
        return address;
    }

    /** True when a daemon answers on the socket. */
    public boolean reachable() {
        if (!Files.exists(address.path())) {
            return false;
        }
        try {
            return client.callAndWait(null, HttpMethod.GET, "/v1/info", null).ok();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Sends a request; a refusal becomes a {@link CliException} with the daemon's message. */
    public ApiResponse call(HttpMethod method, String path, Object body) {
        ApiResponse r = send(method, path, body);
        if (!r.ok()) {
            throw new CliException(ExitCodes.FAILED, r.error());
        }
        return r;
    }

    public ApiResponse send(HttpMethod method, String path, Object body) {
        if (!Files.exists(address.path())) {
            throw new CliException(ExitCodes.NO_DAEMON, "no jswarm daemon at " + address
                    + " (the socket does not exist); start one with 'jswarm daemon --data-dir DIR' or 'jswarm init'");
        }
        try {
            return client.callAndWait(null, method, path, body);
        } catch (RuntimeException e) {
            if (isConnectionFailure(e)) {
                throw noDaemon(e);
            }
            throw e;
        }
    }

    private static boolean isConnectionFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.io.IOException || t instanceof io.vertx.core.http.HttpClosedException) {
                return true;
            }
        }
        return false;
    }

    private CliException noDaemon(Exception e) {
        return new CliException(ExitCodes.NO_DAEMON, "cannot reach the jswarm daemon at " + address
                + " (" + e.getMessage() + "); is it running? Start it with 'jswarm daemon --data-dir DIR'", e);
    }

    @Override
    public void close() {
        client.close();
        vertx.close().await();
    }
}
