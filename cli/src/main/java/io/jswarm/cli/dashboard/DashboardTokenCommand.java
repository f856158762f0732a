package io.jswarm.cli.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import io.jswarm.cli.JswarmCommand;
import io.jswarm.cli.client.DaemonConnection;
import io.vertx.core.http.HttpMethod;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code jswarm dashboard token --rotate}: a new admin token for this manager's dashboard (sessions
 * opened with the old one end). Only a hash is kept, so the token cannot be shown again later.
 */
@Command(name = "token", mixinStandardHelpOptions = true,
        description = "Make a new dashboard login token on this manager (--rotate); the old one stops working.")
public final class DashboardTokenCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Option(names = "--rotate", required = true, description = "Replace the token (it is stored only as a hash, so it cannot be shown again).")
    boolean rotate;

    @Override
    public void run() {
        try (DaemonConnection conn = DaemonConnection.open(JswarmCommand.of(spec).daemon(), Duration.ofSeconds(30))) {
            JsonNode a = conn.call(HttpMethod.POST, "/v1/dashboard/token/rotate", Map.of()).as(JsonNode.class);
            PrintWriter out = spec.commandLine().getOut();
            if (JswarmCommand.of(spec).quiet()) {
                out.println(a.path("token").asText());
            } else {
                out.println("Dashboard: " + a.path("address").asText());
                out.println("Login token (shown once): " + a.path("token").asText());
            }
            out.flush();
        }
    }
}
