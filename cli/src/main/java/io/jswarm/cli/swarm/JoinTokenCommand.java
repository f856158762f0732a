package io.jswarm.cli.swarm;

import io.jswarm.cli.JswarmCommand;
import io.jswarm.cli.client.DaemonConnection;
import io.jswarm.manager.api.Wire;
import io.vertx.core.http.HttpMethod;
import java.io.PrintWriter;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jswarm join-token [-q] [--rotate] worker|manager}. */
@Command(name = "join-token", mixinStandardHelpOptions = true,
        description = "Show or rotate the worker and manager join tokens.")
public final class JoinTokenCommand implements Runnable {
    public enum Role { worker, manager }

    @Spec
    CommandSpec spec;

    @Option(names = "--rotate", description = "Replace the token's secret; the old token is refused from now on.")
    boolean rotate;

    @Parameters(index = "0", paramLabel = "worker|manager", description = "Which token: ${COMPLETION-CANDIDATES}.")
    Role role;

    @Override
    public void run() {
        JswarmCommand root = JswarmCommand.of(spec);
        try (DaemonConnection conn = DaemonConnection.open(root.daemon(), Duration.ofSeconds(30))) {
            Wire.JoinTokens tokens = conn.call(HttpMethod.GET, "/v1/join-tokens" + (rotate ? "?rotate=" + role : ""), null)
                    .as(Wire.JoinTokens.class);
            Wire.Info info = conn.call(HttpMethod.GET, "/v1/info", null).as(Wire.Info.class);
            String token = role == Role.worker ? tokens.worker() : tokens.manager();
            PrintWriter out = spec.commandLine().getOut();
            if (root.quiet()) {
                out.println(token);
            } else {
                if (rotate) {
                    out.println("Successfully rotated " + role + " join token.");
                    out.println();
                }
                out.println("To add a " + role + " to this swarm, run the following command:");
                out.println();
                out.println("    jswarm join --token " + token + " " + info.clusterAddr());
            }
            out.flush();
        }
    }
}
