package io.jswarm.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Where a client command finds the node daemon: the Unix socket inside a data directory (the
 * normal case, root-only) or an explicit TCP address. Resolution is pure so it is testable:
 * {@code -H} wins, then {@code --data-dir}, then {@code $JSWARM_DATA_DIR}, then the default.
 */
public sealed interface DaemonAddress {

    String DEFAULT_DATA_DIR = "/var/lib/jswarm";
    /** The daemon's local API socket, inside its data directory. */
    String SOCKET_FILE = "jswarm.sock";

    record UnixSocket(Path path) implements DaemonAddress {
        @Override
        public String toString() {
            return "unix://" + path;
        }
    }

    record Tcp(String host, int port) implements DaemonAddress {
        @Override
        public String toString() {
            return "tcp://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        }
    }

    static DaemonAddress resolve(String hostOption, String dataDirOption, String dataDirEnv) {
        if (hostOption != null && !hostOption.isBlank()) {
            return parseHost(hostOption.strip());
        }
        String dir = dataDirOption != null && !dataDirOption.isBlank() ? dataDirOption
                : dataDirEnv != null && !dataDirEnv.isBlank() ? dataDirEnv : DEFAULT_DATA_DIR;
        return new UnixSocket(Paths.get(dir).toAbsolutePath().normalize().resolve(SOCKET_FILE));
    }

    static DaemonAddress parseHost(String text) {
        String usage = "-H: expected unix:///path/to/" + SOCKET_FILE + " or tcp://HOST:PORT, got \"" + text + "\"";
        if (text.startsWith("unix://")) {
            String path = text.substring("unix://".length());
            if (!path.startsWith("/") || path.length() < 2) {
                throw new CliException(ExitCodes.USAGE, usage);
            }
            return new UnixSocket(Paths.get(path));
        }
        if (text.startsWith("tcp://")) {
            try {
                URI uri = new URI(text);
                if (uri.getHost() == null || uri.getPort() < 1 || uri.getPort() > 65535
                        || (uri.getPath() != null && !uri.getPath().isEmpty()) || uri.getQuery() != null) {
                    throw new CliException(ExitCodes.USAGE, usage);
                }
                String h = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1) : uri.getHost();
                return new Tcp(h, uri.getPort());
            } catch (URISyntaxException e) {
                throw new CliException(ExitCodes.USAGE, usage);
            }
        }
        throw new CliException(ExitCodes.USAGE, usage);
    }
}
