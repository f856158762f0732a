package io.jswarm.cli.node;

import io.jswarm.api.node.Availability;
import io.jswarm.api.node.Node;
import io.jswarm.cli.CliException;
import io.jswarm.cli.ExitCodes;
import io.jswarm.cli.JswarmCommand;
import io.jswarm.cli.client.DaemonConnection;
import io.jswarm.manager.api.Wire;
import io.vertx.core.http.HttpMethod;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jswarm node update [--availability active|pause|drain] [--label-add k=v]... [--label-rm k]... NODE}. */
@Command(name = "update", mixinStandardHelpOptions = true, description = "Change a node's availability or labels.")
public final class NodeUpdateCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Option(names = "--availability", paramLabel = "active|pause|drain", description = "Whether the node takes new tasks.")
    Availability availability;

    @Option(names = "--label-add", paramLabel = "KEY=VALUE", description = "Add or replace a node label.")
    List<String> labelAdd = new ArrayList<>();

    @Option(names = "--label-rm", paramLabel = "KEY", description = "Remove a node label.")
    List<String> labelRm = new ArrayList<>();

    @Parameters(index = "0", paramLabel = "NODE", description = "Node id, id prefix, hostname, or 'self'.")
    String node;

    /** Parses KEY=VALUE (KEY alone means an empty value, as docker does). */
    static Map<String, String> labels(List<String> pairs) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String p : pairs) {
            int eq = p.indexOf('=');
            String k = eq < 0 ? p : p.substring(0, eq);
            if (k.isBlank()) {
                throw new CliException(ExitCodes.USAGE, "--label-add: expected KEY=VALUE, got \"" + p + "\"");
            }
            out.put(k, eq < 0 ? "" : p.substring(eq + 1));
        }
        return out;
    }

    @Override
    public void run() {
        if (availability == null && labelAdd.isEmpty() && labelRm.isEmpty()) {
            throw new CliException(ExitCodes.USAGE, "nothing to update: give --availability, --label-add or --label-rm");
        }
        JswarmCommand root = JswarmCommand.of(spec);
        PrintWriter out = spec.commandLine().getOut();
        try (DaemonConnection conn = DaemonConnection.open(root.daemon(), Duration.ofSeconds(30))) {
            String key = NodeInspectCommand.resolve(conn, node);
            Node updated = conn.call(HttpMethod.POST, NodeInspectCommand.path(key) + "/update",
                    new Wire.NodeUpdate(null, availability, labels(labelAdd), labelRm.isEmpty() ? null : labelRm))
                    .as(Node.class);
            out.println(updated.id());
            out.flush();
        }
    }
}
