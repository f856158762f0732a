package io.jswarm.cli.node;

import com.fasterxml.jackson.databind.JsonNode;
import io.jswarm.cli.JswarmCommand;
import io.jswarm.cli.client.DaemonConnection;
import io.jswarm.manager.store.StoreJson;
import io.vertx.core.http.HttpMethod;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jswarm node inspect NODE...}: the nodes as a JSON array (NODE: id, id prefix or hostname; "self" for this node). */
@Command(name = "inspect", mixinStandardHelpOptions = true, description = "Show nodes in detail (JSON).")
public final class NodeInspectCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "NODE", description = "Node id, id prefix, hostname, or 'self'.")
    List<String> nodes;

    static String resolve(DaemonConnection conn, String key) {
        if ("self".equals(key)) {
            return conn.call(HttpMethod.GET, "/v1/info", null).as(io.jswarm.manager.api.Wire.Info.class).nodeId();
        }
        return key;
    }

    static String path(String key) {
        return "/v1/nodes/" + URLEncoder.encode(key, StandardCharsets.UTF_8);
    }

    @Override
    public void run() {
        JswarmCommand root = JswarmCommand.of(spec);
        PrintWriter out = spec.commandLine().getOut();
        try (DaemonConnection conn = DaemonConnection.open(root.daemon(), Duration.ofSeconds(30))) {
            List<JsonNode> found = new ArrayList<>();
            for (String key : nodes) {
                found.add(conn.call(HttpMethod.GET, path(resolve(conn, key)), null).as(JsonNode.class));
            }
            out.println(StoreJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(found));
            out.flush();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
