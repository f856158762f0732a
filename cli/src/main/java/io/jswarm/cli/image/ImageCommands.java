package io.jswarm.cli.image;

import com.fasterxml.jackson.databind.JsonNode;
import io.jswarm.cli.JswarmCommand;
import io.jswarm.cli.client.DaemonConnection;
import io.jswarm.cli.output.Table;
import io.vertx.core.http.HttpMethod;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jswarm image ls|load|import|inspect|rm|pull}: this node's image store through its local
 * API ({@code /v1/images}). Files are named by absolute path; the daemon (root, same machine)
 * reads them.
 */
public final class ImageCommands {
    private ImageCommands() {}

    /** Image work can take a while (a large archive, a slow registry). */
    static final Duration TIMEOUT = Duration.ofMinutes(10);

    static JsonNode call(CommandSpec spec, HttpMethod method, String path, Object body) {
        try (DaemonConnection conn = DaemonConnection.open(JswarmCommand.of(spec).daemon(), TIMEOUT)) {
            return conn.call(method, path, body).as(JsonNode.class);
        }
    }

    static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static void printRefs(CommandSpec spec, String verb, JsonNode answer) {
        PrintWriter out = spec.commandLine().getOut();
        answer.path("references").forEach(r -> out.println(verb + ": " + r.asText()));
        out.flush();
    }

    @Command(name = "ls", mixinStandardHelpOptions = true, description = "List the images on this node.")
    public static final class Ls implements Runnable {
        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            JsonNode list = call(spec, HttpMethod.GET, "/v1/images", null);
            Table t = new Table("REFERENCE", "IMAGE ID", "CREATED", "SIZE");
            list.forEach(i -> t.row(i.path("reference").asText(), shortId(i.path("imageId").asText()),
                    i.path("created").asText(""), io.jswarm.api.units.ByteSizes.format(i.path("size").asLong())));
            t.print(spec.commandLine().getOut());
            spec.commandLine().getOut().flush();
        }
    }

    static String shortId(String digest) {
        String hex = digest.startsWith("sha256:") ? digest.substring(7) : digest;
        return hex.substring(0, Math.min(12, hex.length()));
    }

    @Command(name = "load", mixinStandardHelpOptions = true, description = "Load images from a docker-save or OCI archive.")
    public static final class Load implements Runnable {
        @Spec
        CommandSpec spec;

        @Option(names = {"-i", "--input"}, required = true, paramLabel = "FILE", description = "The archive (tar or tar.gz).")
        Path input;

        @Override
        public void run() {
            printRefs(spec, "Loaded image", call(spec, HttpMethod.POST, "/v1/images/load",
                    Map.of("path", input.toAbsolutePath().normalize().toString())));
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true, description = "Make a one-layer image from a root filesystem tarball.")
    public static final class Import implements Runnable {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "TARBALL", description = "A tar (or tar.gz) of the root filesystem.")
        Path tarball;

        @Parameters(index = "1", paramLabel = "NAME:TAG", description = "The image's name.")
        String name;

        @Option(names = "--cmd", paramLabel = "ARG", split = " ", description = "The image's default command, e.g. --cmd 'sh'.")
        List<String> cmd;

        @Override
        public void run() {
            java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
            body.put("path", tarball.toAbsolutePath().normalize().toString());
            body.put("name", name);
            body.put("cmd", cmd);
            printRefs(spec, "Imported image", call(spec, HttpMethod.POST, "/v1/images/import", body));
        }
    }

    @Command(name = "pull", mixinStandardHelpOptions = true,
            description = "Pull an image from a registry (registries named by the daemon's --insecure-registry over HTTP).")
    public static final class Pull implements Runnable {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "IMAGE")
        String ref;

        @Override
        public void run() {
            printRefs(spec, "Pulled image", call(spec, HttpMethod.POST, "/v1/images/pull", Map.of("ref", ref)));
        }
    }

    @Command(name = "inspect", mixinStandardHelpOptions = true, description = "Show an image's configuration as JSON.")
    public static final class Inspect implements Runnable {
        @Spec
        CommandSpec spec;

        @Parameters(arity = "1..*", paramLabel = "IMAGE")
        List<String> refs;

        @Override
        public void run() {
            PrintWriter out = spec.commandLine().getOut();
            for (String r : refs) {
                out.println(call(spec, HttpMethod.GET, "/v1/images/inspect?ref=" + q(r), null).toPrettyString());
            }
            out.flush();
        }
    }

    @Command(name = "rm", mixinStandardHelpOptions = true, description = "Remove image references (layers go when no image uses them).")
    public static final class Rm implements Runnable {
        @Spec
        CommandSpec spec;

        @Parameters(arity = "1..*", paramLabel = "IMAGE")
        List<String> refs;

        @Override
        public void run() {
            PrintWriter out = spec.commandLine().getOut();
            for (String r : refs) {
                call(spec, HttpMethod.DELETE, "/v1/images?ref=" + q(r), null);
                out.println("Untagged: " + r);
            }
            out.flush();
        }
    }
}
