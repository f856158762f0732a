package io.jswarm.cli.swarm;

import io.jswarm.manager.client.ApiResponse;

import io.jswarm.cli.JswarmCommand;
import io.jswarm.cli.client.DaemonConnection;
import io.jswarm.cli.client.DaemonLauncher;
import io.jswarm.manager.api.Wire;
import io.vertx.core.http.HttpMethod;
import java.io.PrintWriter;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code jswarm init}: a new cluster with this node as its first manager. */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Create a new cluster with this node as its first manager.")
public final class InitCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Option(names = "--advertise-addr", paramLabel = "IP[:PORT]",
            description = "Address other nodes use to reach this manager (cluster port, default 2377; Raft uses PORT+1).")
    String advertiseAddr;

    @Option(names = "--listen-addr", paramLabel = "IP[:PORT]", description = "Address to listen on (default: the advertise address).")
    String listenAddr;

    @Option(names = "--heartbeat-period", paramLabel = "DURATION", description = "How often nodes report to the leader, e.g. 2s, 500ms (default 2s).")
    String heartbeatPeriod;

    @Option(names = "--cert-expiry", paramLabel = "DURATION",
            description = "Lifetime of node certificates, e.g. 2160h (default 90 days); nodes renew at half-life.")
    String certExpiry;

    private static Duration duration(String option, String text) {
        if (text == null) {
            return null;
        }
        try {
            return io.jswarm.api.units.Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw new io.jswarm.cli.CliException(io.jswarm.cli.ExitCodes.USAGE, option + ": " + e.getMessage());
        }
    }

    @Option(names = "--restore", paramLabel = "FILE",
            description = "Start the new cluster from a backup written by 'jswarm cluster backup' (same CA and tokens).")
    java.nio.file.Path restore;

    private io.jswarm.manager.store.StoreSnapshot backup() {
        if (restore == null) {
            return null;
        }
        try {
            return io.jswarm.api.json.Json.read(java.nio.file.Files.readAllBytes(restore),
                    io.jswarm.manager.store.StoreSnapshot.class);
        } catch (java.io.IOException e) {
            throw new io.jswarm.cli.CliException(io.jswarm.cli.ExitCodes.FAILED, "--restore " + restore + ": " + e.getMessage());
        } catch (io.jswarm.api.json.JsonInputException e) {
            throw new io.jswarm.cli.CliException(io.jswarm.cli.ExitCodes.FAILED, "--restore " + restore
                    + ": not a jswarm backup (" + e.getMessage() + ")");
        }
    }

    @Option(names = "--force-new-cluster", description = "On a manager that lost its quorum for good: continue as a"
            + " new one-manager cluster with all the state it has (the other managers are dropped).")
    boolean forceNewCluster;

    @Override
    public void run() {
        JswarmCommand root = JswarmCommand.of(spec);
        if (forceNewCluster) {
            try (DaemonConnection conn = DaemonConnection.open(root.daemon(), Duration.ofSeconds(90))) {
                Wire.Info info = conn.call(HttpMethod.POST, "/v1/swarm/force-new-cluster", null).as(Wire.Info.class);
                spec.commandLine().getOut().println("Forced a new cluster: node " + info.nodeId()
                        + " is now its only manager; rejoin other managers with 'jswarm join-token manager'.");
                spec.commandLine().getOut().flush();
            }
            return;
        }
        if (advertiseAddr == null) {
            throw new io.jswarm.cli.CliException(io.jswarm.cli.ExitCodes.USAGE, "--advertise-addr is required");
        }
        io.jswarm.manager.store.StoreSnapshot snapshot = backup();
        try (DaemonConnection conn = DaemonConnection.open(root.daemon(), Duration.ofSeconds(60))) {
            DaemonLauncher.ensureRunning(conn, conn.address().path().getParent());
            Wire.Info info = conn.call(HttpMethod.POST, "/v1/swarm/init",
                    new Wire.InitRequest(advertiseAddr, listenAddr, duration("--heartbeat-period", heartbeatPeriod), snapshot,
                            duration("--cert-expiry", certExpiry))).as(Wire.Info.class);
            Wire.JoinTokens tokens = conn.call(HttpMethod.GET, "/v1/join-tokens", null).as(Wire.JoinTokens.class);
            PrintWriter out = spec.commandLine().getOut();
            if (root.quiet()) {
                out.println(info.nodeId());
            } else {
                out.println("Swarm initialized: current node (" + info.nodeId() + ") is now a manager.");
                out.println();
                out.println("To add a worker to this swarm, run the following command:");
                out.println();
                out.println("    jswarm join --token " + tokens.worker() + " " + info.clusterAddr());
                out.println();
                out.println("To add a manager to this swarm, run 'jswarm join-token manager' and follow the instructions.");
                ApiResponse dash = conn.send(HttpMethod.POST, "/v1/dashboard/token/initial", java.util.Map.of());
                if (dash.ok()) {
                    var d = dash.as(com.fasterxml.jackson.databind.JsonNode.class);
                    out.println();
                    out.println("Dashboard: " + d.path("address").asText());
                    if (d.has("token")) {
                        out.println("Dashboard login token (shown once; 'jswarm dashboard token --rotate' makes a new one):");
                        out.println("    " + d.path("token").asText());
                    }
                }
            }
            out.flush();
        }
    }
}
