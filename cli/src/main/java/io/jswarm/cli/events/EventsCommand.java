package io.jswarm.cli.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.jswarm.api.json.Json;
import io.jswarm.cli.CliException;
import io.jswarm.cli.DaemonAddress;
import io.jswarm.cli.ExitCodes;
import io.jswarm.cli.JswarmCommand;
import io.jswarm.cli.client.DaemonClient;
import io.jswarm.cli.output.OutputFormat;
import io.jswarm.manager.client.ApiStream;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code jswarm events}: store changes of services, tasks and nodes as they commit, one line
 * each ({@code --format json}: the event objects). Existing objects are not replayed unless
 * {@code --snapshot} is given. Runs until interrupted or the daemon ends the stream.
 */
@Command(name = "events", mixinStandardHelpOptions = true, description = "Stream cluster events")
public final class EventsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Option(names = "--kind", paramLabel = "KINDS", description = "Only these kinds, comma separated: service,task,node")
    String kinds;
    @Option(names = "--snapshot", description = "First print every existing object as a snapshot event") boolean snapshot;

    @Override
    public void run() {
        JswarmCommand root = JswarmCommand.of(spec);
        PrintWriter out = spec.commandLine().getOut();
        try (DaemonClient client = DaemonClient.connect(root.daemon());
                ApiStream stream = ApiStream.unixSocket(client.vertx())) {
            String path = "/v1/events" + (kinds == null ? "" : "?kind=" + kinds);
            var socket = ((DaemonAddress.UnixSocket) client.address()).path();
            try {
                stream.get(socket, path, line -> {
                    String text = render(line, root.format(), snapshot);
                    if (text != null) {
                        out.println(text);
                        out.flush();
                    }
                }).await();
            } catch (RuntimeException e) {
                throw new CliException(ExitCodes.FAILED, "events: " + e.getMessage(), e);
            }
        }
    }

    /** One SSE line → one output line, or null (comments, blank separators, skipped snapshots). */
    static String render(String line, OutputFormat format, boolean withSnapshot) {
        if (!line.startsWith("data: ")) {
            return null;
        }
        JsonNode e = Json.read(line.substring("data: ".length()), JsonNode.class);
        String action = e.path("action").asText();
        if (action.equals("snapshot") && !withSnapshot) {
            return null;
        }
        if (format == OutputFormat.JSON) {
            return e.toString();
        }
        JsonNode o = e.path("object");
        String at = o.path("meta").path("updatedAt").asText("");
        String kind = e.path("kind").asText();
        StringBuilder b = new StringBuilder().append(at).append(' ').append(kind).append(' ').append(action).append(' ')
                .append(o.path("id").asText());
        switch (kind) {
            case "service" -> b.append(" (name=").append(o.path("spec").path("name").asText()).append(')');
            case "task" -> b.append(" (service=").append(o.path("serviceId").asText()).append(", slot=").append(o.path("slot").asInt())
                    .append(", node=").append(o.path("nodeId").asText("")).append(", state=")
                    .append(o.path("status").path("state").asText()).append(", desired=").append(o.path("desiredState").asText())
                    .append(')');
            case "node" -> b.append(" (state=").append(o.path("status").path("state").asText()).append(", availability=")
                    .append(o.path("spec").path("availability").asText()).append(')');
            default -> { }
        }
        return b.toString();
    }
}
