package io.jswarm.manager.node;

import io.jswarm.manager.api.ApiException;

/** Parses docker-style {@code IP[:PORT]} flags; errors name the field. */
public final class Addresses {
    public static final int CLUSTER_PORT = 2377;
    public static final int RAFT_PORT = 2378;

    private Addresses() {}

    public record HostPort(String host, int port) {
        @Override
        public String toString() {
            return host + ":" + port;
        }
    }

    /** Four decimal numbers 0–255; checked here, because a lookup would try DNS for "999.1.1.1". */
    public static boolean isIpv4(String host) {
        String[] parts = host.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String p : parts) {
            if (!p.matches("[0-9]{1,3}") || Integer.parseInt(p) > 255) {
                return false;
            }
        }
        return true;
    }

    public static HostPort parse(String field, String value, int defaultPort) {
        if (value == null || value.isBlank()) {
            throw ApiException.badInput(field, "must not be empty");
        }
        String host = value.strip();
        int port = defaultPort;
        int colon = host.lastIndexOf(':');
        if (colon >= 0) {
            String p = host.substring(colon + 1);
            host = host.substring(0, colon);
            try {
                port = Integer.parseInt(p);
            } catch (NumberFormatException e) {
                throw ApiException.badInput(field, "invalid port \"" + p + "\"");
            }
            if (port < 1 || port > 65535) {
                throw ApiException.badInput(field, "port must be between 1 and 65535, got " + port);
            }
        }
        if (!isIpv4(host)) {
            throw ApiException.badInput(field, "must be an IPv4 address, got \"" + host + "\"");
        }
        return new HostPort(host, port);
    }
}
