package io.jswarm.cli.node;

import com.fasterxml.jackson.core.type.TypeReference;
import io.jswarm.api.node.Node;
import io.jswarm.api.node.NodeRole;
import io.jswarm.cli.JswarmCommand;
import io.jswarm.cli.client.DaemonConnection;
import io.jswarm.cli.output.OutputFormat;
import io.jswarm.cli.output.Table;
import io.jswarm.manager.api.Wire;
import io.jswarm.manager.store.StoreJson;
import io.vertx.core.http.HttpMethod;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code jswarm node ls}: ID, hostname, status, availability, manager status (Leader/Reachable/Unreachable). */
@Command(name = "ls", mixinStandardHelpOptions = true, description = "List nodes.")
public final class NodeLsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    static List<Node> nodes(DaemonConnection conn) {
        try {
            return StoreJson.mapper().readValue(conn.call(HttpMethod.GET, "/v1/nodes", null).body(),
                    new TypeReference<List<Node>>() {});
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("unexpected node list from the daemon", e);
        }
    }

    /** Docker's MANAGER STATUS column: Leader, Reachable, Unreachable, or empty for workers. */
    static String managerStatus(Node n) {
        if (n.spec().role() != NodeRole.MANAGER || n.managerStatus() == null) {
            return "";
        }
        if (n.managerStatus().leader()) {
            return "Leader";
        }
        return capitalize(n.managerStatus().reachability().name());
    }

    static String capitalize(String s) {
        String lower = s.toLowerCase(Locale.ROOT);
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }

    @Override
    public void run() {
        JswarmCommand root = JswarmCommand.of(spec);
        PrintWriter out = spec.commandLine().getOut();
        try (DaemonConnection conn = DaemonConnection.open(root.daemon(), Duration.ofSeconds(30))) {
            List<Node> nodes = nodes(conn).stream()
                    .sorted(Comparator.comparing((Node n) -> n.description() == null ? "" : n.description().hostname())
                            .thenComparing(Node::id))
                    .toList();
            String self = conn.call(HttpMethod.GET, "/v1/info", null).as(Wire.Info.class).nodeId();
            if (root.quiet()) {
                nodes.forEach(n -> out.println(n.id()));
            } else if (root.format() == OutputFormat.JSON) {
                out.println(io.jswarm.api.json.Json.writePretty(nodes));
            } else {
                Table t = new Table("ID", "HOSTNAME", "STATUS", "AVAILABILITY", "MANAGER STATUS");
                for (Node n : nodes) {
                    t.row(n.id() + (n.id().equals(self) ? " *" : ""),
                            n.description() == null ? "" : n.description().hostname(),
                            capitalize(n.status().state().name()), capitalize(n.spec().availability().name()),
                            managerStatus(n));
                }
                t.print(out);
            }
            out.flush();
        }
    }
}
