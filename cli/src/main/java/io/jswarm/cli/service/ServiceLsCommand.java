package io.jswarm.cli.service;

import io.jswarm.api.json.Json;
import io.jswarm.cli.JswarmCommand;
import io.jswarm.cli.client.DaemonClient;
import io.jswarm.cli.output.OutputFormat;
import io.jswarm.cli.output.Table;
import io.jswarm.manager.api.ServiceWire;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code jswarm service ls}: ID NAME MODE REPLICAS IMAGE PORTS. */
@Command(name = "ls", mixinStandardHelpOptions = true, description = "List services")
public final class ServiceLsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        JswarmCommand root = JswarmCommand.of(spec);
        try (DaemonClient client = DaemonClient.connect(root.daemon())) {
            List<ServiceWire.ServiceView> views = List.of(client.get("/v1/services").as(ServiceWire.ServiceView[].class));
            print(views, root, spec.commandLine().getOut());
        }
    }

    public static void print(List<ServiceWire.ServiceView> views, JswarmCommand root, PrintWriter out) {
        if (root.format() == OutputFormat.JSON) {
            out.println(Json.write(views));
        } else if (root.quiet()) {
            views.forEach(v -> out.println(v.service().id()));
        } else {
            Table t = new Table("ID", "NAME", "MODE", "REPLICAS", "IMAGE", "PORTS");
            for (ServiceWire.ServiceView v : views) {
                var s = v.service();
                t.row(ServiceFormat.shortId(s.id()), s.spec().name(), ServiceFormat.mode(s.spec().mode()),
                        ServiceFormat.replicas(s.spec().mode(), v.running(), v.desired()), s.spec().task().container().image(),
                        ServiceFormat.ports(s));
            }
            t.print(out);
        }
        out.flush();
    }
}
