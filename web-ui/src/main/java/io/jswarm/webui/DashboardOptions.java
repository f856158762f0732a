package io.jswarm.webui;

import java.nio.file.Path;

/**
 * Where the dashboard listens. Plain HTTP is only offered on a loopback address (reach it with an
 * SSH tunnel); any other address needs {@code tls}.
 */
public record DashboardOptions(String host, int port, Tls tls) {
    public static final int DEFAULT_PORT = 2380;

    /** A PEM certificate chain and its PEM private key, e.g. the manager's cluster certificate. */
    public record Tls(Path certPem, Path keyPem) {}

    public DashboardOptions {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("dashboard host: must not be empty");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("dashboard port: must be 0..65535, got " + port);
        }
        if (tls == null && !isLoopback(host)) {
            throw new IllegalArgumentException("dashboard host: plain HTTP is only served on 127.0.0.1/::1/localhost,"
                    + " got " + host + "; give a certificate and key for HTTPS");
        }
    }

    public static DashboardOptions localhost(int port) {
        return new DashboardOptions("127.0.0.1", port, null);
    }

    static boolean isLoopback(String host) {
        return host.equals("localhost") || host.equals("::1") || host.equals("[::1]") || host.startsWith("127.");
    }
}
