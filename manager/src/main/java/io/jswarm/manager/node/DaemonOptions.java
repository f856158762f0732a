package io.jswarm.manager.node;

import io.jswarm.manager.raft.RaftSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * How to run a node daemon.
 *
 * @param certLifetime lifetime of the node certificates this node issues when it is a manager
 */
public record DaemonOptions(Path dataDir, String hostname, RaftSettings raft, Duration certLifetime, Clock clock) {
    public static final Duration DEFAULT_CERT_LIFETIME = Duration.ofDays(90);

    public static DaemonOptions defaults(Path dataDir) {
        return new DaemonOptions(dataDir, localHostname(), RaftSettings.defaults(), DEFAULT_CERT_LIFETIME, Clock.systemUTC());
    }

    public DaemonOptions withHostname(String h) {
        return new DaemonOptions(dataDir, h, raft, certLifetime, clock);
    }

    static String localHostname() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "localhost";
        }
    }
}
