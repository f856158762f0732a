package io.jswarm.cli.swarm;

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
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jswarm join --token TOKEN MANAGER_IP:PORT}: the token's CA digest is checked against the
 * manager before its secret is sent; the token decides whether this node joins as worker or manager.
 */
@Command(name = "join", mixinStandardHelpOptions = true,
        description = "Join this node to a cluster as a worker or manager (the token decides).")
public final class JoinCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Option(names = "--token", required = true, paramLabel = "TOKEN", description = "Join token (jswarm join-token worker|manager).")
    String token;

    @Option(names = "--advertise-addr", required = true, paramLabel = "IP[:PORT]", description = "Address other nodes use to reach this node.")
    String advertiseAddr;

    @Option(names = "--listen-addr", paramLabel = "IP[:PORT]", description = "Address to listen on (default: the advertise address).")
    String listenAddr;

    @Parameters(index = "0", paramLabel = "MANAGER_IP:PORT", description = "A manager's cluster address.")
    String remote;

    @Override
    public void run() {
        JswarmCommand root = JswarmCommand.of(spec);
        try (DaemonConnection conn = DaemonConnection.open(root.daemon(), Duration.ofSeconds(90))) {
            DaemonLauncher.ensureRunning(conn, conn.address().path().getParent());
            Wire.Info info = conn.call(HttpMethod.POST, "/v1/swarm/join",
                    new Wire.JoinRequest(token, remote, advertiseAddr, listenAddr)).as(Wire.Info.class);
            PrintWriter out = spec.commandLine().getOut();
            out.println(root.quiet() ? info.nodeId() : "This node joined a swarm as a " + info.role() + ".");
            out.flush();
        }
    }
}
