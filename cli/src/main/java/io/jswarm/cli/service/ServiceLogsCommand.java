package io.jswarm.cli.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.jswarm.cli.CliException;
import io.jswarm.cli.ExitCodes;
import io.jswarm.cli.JswarmCommand;
import io.jswarm.cli.client.DaemonConnection;
import io.vertx.core.http.HttpMethod;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jswarm service logs [-f] [--tail N] [--since T] [-t] SERVICE}: the logs of every task of
 * the service, gathered by the manager from the nodes that ran them (stdout and stderr, in time
 * order, each line named by its task, e.g. {@code web.2}). Nodes that did not answer are named on
 * stderr; the command never waits for them. {@code -f} asks again every second from the last
 * line's time, so tasks that start later (restarts, scaling) join the output.
 */
@Command(name = "logs", mixinStandardHelpOptions = true, description = "Show a service's logs (from every node that runs its tasks).")
public final class ServiceLogsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SERVICE", description = "Service name, id or id prefix.")
    String service;

    @Option(names = {"-f", "--follow"}, description = "Keep printing new lines (Ctrl-C to stop).")
    boolean follow;

    @Option(names = {"-n", "--tail"}, paramLabel = "N", description = "Only the last N lines (default all).")
    String tail;

    @Option(names = "--since", paramLabel = "TIME", description = "Only lines since TIME: an instant (2026-01-01T10:00:00Z) or a duration ago (10m, 2h).")
    String since;

    @Option(names = {"-t", "--timestamps"}, description = "Show each line's time.")
    boolean timestamps;

    static Instant sinceInstant(String text, Instant now) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            try {
                return now.minus(io.jswarm.api.units.Durations.parse(text));
            } catch (IllegalArgumentException e2) {
                throw new CliException(ExitCodes.USAGE, "--since: expected an instant like 2026-01-01T10:00:00Z or a duration like 10m, got " + text);
            }
        }
    }

    @Override
    public void run() {
        if (tail != null && !tail.equals("all")) {
            try {
                if (Integer.parseInt(tail) < 0) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                throw new CliException(ExitCodes.USAGE, "--tail: expected a number of lines or all, got " + tail);
            }
        }
        Instant from = sinceInstant(since, Instant.now());
        String tailParam = tail;
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Set<String> seen = new HashSet<>();
        Set<String> lastUnreachable = new HashSet<>();
        try (DaemonConnection conn = DaemonConnection.open(JswarmCommand.of(spec).daemon(), Duration.ofSeconds(30))) {
            while (true) {
                StringBuilder q = new StringBuilder("/v1/services/").append(URLEncoder.encode(service, StandardCharsets.UTF_8)).append("/logs?");
                if (tailParam != null) {
                    q.append("tail=").append(tailParam).append('&');
                }
                if (from != null) {
                    q.append("since=").append(from);
                }
                JsonNode a = conn.call(HttpMethod.GET, q.toString(), null).as(JsonNode.class);
                Set<String> unreachable = new HashSet<>();
                a.path("unreachable").forEach(n -> unreachable.add(n.asText()));
                if (!unreachable.equals(lastUnreachable) && !unreachable.isEmpty()) {
                    err.println("jswarm: no answer from " + String.join(", ", unreachable) + "; their tasks' logs are missing");
                    err.flush();
                }
                lastUnreachable = unreachable;
                a.path("errors").forEach(n -> err.println("jswarm: " + n.asText()));
                List<String> lineKeys = new ArrayList<>();
                for (JsonNode l : a.path("lines")) {
                    String key = l.path("taskId").asText() + "|" + l.path("stream").asText() + "|" + l.path("time").asText() + "|" + l.path("text").asText();
                    lineKeys.add(key);
                    if (!seen.add(key)) {
                        continue; // already printed: "since" includes lines at the last time seen
                    }
                    String name = a.path("tasks").path(l.path("taskId").asText()).asText(l.path("taskId").asText());
                    out.println(name + "    | " + (timestamps ? l.path("time").asText() + " " : "") + l.path("text").asText());
                    if (!l.path("time").isMissingNode() && !l.path("time").isNull()) {
                        from = Instant.parse(l.path("time").asText());
                    }
                }
                out.flush();
                if (!follow) {
                    return;
                }
                tailParam = null;
                try {
                    Thread.sleep(1000); // follow = ask again every second; the managers push nothing by themselves
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
