package io.jswarm.cli.service;

import io.jswarm.cli.CliException;
import io.jswarm.cli.ExitCodes;
import io.jswarm.cli.JswarmCommand;
import io.jswarm.cli.client.DaemonClient;
import io.jswarm.manager.api.ServiceWire;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jswarm service scale web=5 api=2}. */
@Command(name = "scale", mixinStandardHelpOptions = true, description = "Scale one or more replicated services")
public final class ServiceScaleCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Option(names = {"-d", "--detach"}, description = "Exit immediately instead of waiting for the services to converge")
    boolean detach;
    @Parameters(arity = "1..*", paramLabel = "SERVICE=REPLICAS") List<String> targets;

    @Override
    public void run() {
        Map<String, Integer> wanted = parse(targets);
        JswarmCommand root = JswarmCommand.of(spec);
        PrintWriter out = spec.commandLine().getOut();
        try (DaemonClient client = DaemonClient.connect(root.daemon())) {
            Map<String, String> ids = new LinkedHashMap<>();
            wanted.forEach((name, n) -> {
                ServiceWire.UpdateAnswer a = client.post("/v1/services/" + ServicePsCommand.enc(name) + "/scale",
                        new ServiceWire.ScaleRequest(n)).as(ServiceWire.UpdateAnswer.class);
                out.println(name + " scaled to " + n);
                out.flush();
                ids.put(name, a.id());
            });
            if (!detach) {
                ids.values().forEach(id -> new Convergence(client, out, root.quiet()).await(id));
            }
        }
    }

    static Map<String, Integer> parse(List<String> targets) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (String t : targets) {
            int eq = t.indexOf('=');
            if (eq <= 0) {
                throw new CliException(ExitCodes.USAGE, "SERVICE=REPLICAS: expected e.g. web=5, got \"" + t + "\"");
            }
            try {
                int n = Integer.parseInt(t.substring(eq + 1));
                if (n < 0) {
                    throw new NumberFormatException();
                }
                out.put(t.substring(0, eq), n);
            } catch (NumberFormatException e) {
                throw new CliException(ExitCodes.USAGE, "SERVICE=REPLICAS: replicas must be a non-negative integer, got \"" + t + "\"");
            }
        }
        return out;
    }
}
