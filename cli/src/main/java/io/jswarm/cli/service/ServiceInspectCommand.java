package io.jswarm.cli.service;

import io.jswarm.api.json.Json;
import io.jswarm.api.service.ServiceSpec;
import io.jswarm.api.units.Durations;
import io.jswarm.cli.JswarmCommand;
import io.jswarm.cli.client.DaemonClient;
import io.jswarm.manager.api.ServiceWire;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jswarm service inspect [--pretty] SERVICE...}: the stored services as JSON, or a readable summary. */
@Command(name = "inspect", mixinStandardHelpOptions = true, description = "Show services in detail")
public final class ServiceInspectCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Option(names = "--pretty", description = "Print in a human friendly format") boolean pretty;
    @Parameters(arity = "1..*", paramLabel = "SERVICE") List<String> services;

    @Override
    public void run() {
        JswarmCommand root = JswarmCommand.of(spec);
        PrintWriter out = spec.commandLine().getOut();
        try (DaemonClient client = DaemonClient.connect(root.daemon())) {
            List<ServiceWire.ServiceView> views = new ArrayList<>();
            for (String s : services) {
                views.add(client.get("/v1/services/" + ServicePsCommand.enc(s)).as(ServiceWire.ServiceView.class));
            }
            if (pretty) {
                views.forEach(v -> pretty(v, out));
            } else {
                out.println(Json.writePretty(views.stream().map(ServiceWire.ServiceView::service).toList()));
            }
            out.flush();
        }
    }

    static void pretty(ServiceWire.ServiceView v, PrintWriter out) {
        ServiceSpec s = v.service().spec();
        out.println("ID:\t\t" + v.service().id());
        out.println("Name:\t\t" + s.name());
        s.labels().forEach((k, val) -> out.println("Label:\t\t" + k + "=" + val));
        out.println("Mode:\t\t" + s.mode().displayName() + " (" + v.running() + "/" + v.desired() + " running)");
        var c = s.task().container();
        out.println("Image:\t\t" + c.image());
        if (!c.args().isEmpty()) {
            out.println("Args:\t\t" + String.join(" ", c.args()));
        }
        c.env().forEach(e -> out.println("Env:\t\t" + e));
        var r = s.task().restartPolicy();
        out.println("Restart Policy:\t" + String.valueOf(r.condition()).toLowerCase().replace('_', '-')
                + (r.delay() == null ? "" : ", delay " + Durations.format(r.delay()))
                + (r.maxAttempts() == null ? "" : ", max attempts " + r.maxAttempts())
                + (r.window() == null ? "" : ", window " + Durations.format(r.window())));
        s.task().placement().constraints().forEach(x -> out.println("Constraint:\t" + x));
        String ports = ServiceFormat.ports(v.service());
        if (!ports.isEmpty()) {
            out.println("Ports:\t\t" + ports);
        }
        out.println();
    }
}
