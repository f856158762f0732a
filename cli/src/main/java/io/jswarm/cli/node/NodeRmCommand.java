package io.jswarm.cli.node;

import io.jswarm.cli.JswarmCommand;
import io.jswarm.cli.client.DaemonConnection;
import io.vertx.core.http.HttpMethod;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jswarm node rm [--force] NODE...}: removes workers (managers are refused in this build). */
@Command(name = "rm", mixinStandardHelpOptions = true, description = "Remove nodes from the cluster.")
public final class NodeRmCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Option(names = {"-f", "--force"}, description = "Remove a node even if it still reports READY.")
    boolean force;

    @Parameters(arity = "1..*", paramLabel = "NODE", description = "Node id, id prefix or hostname.")
    List<String> nodes;

    @Override
    public void run() {
        JswarmCommand root = JswarmCommand.of(spec);
        PrintWriter out = spec.commandLine().getOut();
        try (DaemonConnection conn = DaemonConnection.open(root.daemon(), Duration.ofSeconds(30))) {
            for (String key : nodes) {
                conn.call(HttpMethod.DELETE, NodeInspectCommand.path(key) + (force ? "?force=true" : ""), null);
                out.println(key);
            }
            out.flush();
        }
    }
}
