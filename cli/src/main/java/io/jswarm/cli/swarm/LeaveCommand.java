package io.jswarm.cli.swarm;

import io.jswarm.cli.JswarmCommand;
import io.jswarm.cli.client.DaemonConnection;
import io.vertx.core.http.HttpMethod;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code jswarm leave [--force]}: this node leaves its cluster and forgets its identity. */
@Command(name = "leave", mixinStandardHelpOptions = true, description = "Leave the cluster.")
public final class LeaveCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Option(names = {"-f", "--force"}, description = "Leave even as a manager (may break the remaining managers' quorum).")
    boolean force;

    @Override
    public void run() {
        try (DaemonConnection conn = DaemonConnection.open(JswarmCommand.of(spec).daemon(), Duration.ofSeconds(60))) {
            conn.call(HttpMethod.POST, "/v1/swarm/leave" + (force ? "?force=true" : ""), null);
            spec.commandLine().getOut().println("Node left the swarm.");
            spec.commandLine().getOut().flush();
        }
    }
}
