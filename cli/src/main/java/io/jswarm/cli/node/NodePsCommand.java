package io.jswarm.cli.node;

import io.jswarm.cli.JswarmCommand;
import io.jswarm.cli.client.DaemonClient;
import io.jswarm.manager.api.Wire;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jswarm node ps [NODE]}: tasks on a node (default: this one). */
@Command(name = "ps", mixinStandardHelpOptions = true, description = "List tasks running on a node (default: this node)")
public final class NodePsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Option(names = "--no-trunc", description = "Do not truncate ids and errors") boolean noTrunc;
    @Parameters(arity = "0..1", paramLabel = "NODE") String node;

    @Override
    public void run() {
        JswarmCommand root = JswarmCommand.of(spec);
        try (DaemonClient client = DaemonClient.connect(root.daemon())) {
            String target = node != null ? node : client.get("/v1/info").as(Wire.Info.class).nodeId();
            io.jswarm.cli.service.TaskTables.print(client, "?node=" + URLEncoder.encode(target, StandardCharsets.UTF_8),
                    noTrunc, root, spec.commandLine().getOut());
        }
    }
}
