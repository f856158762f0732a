package io.jswarm.cli.commands.stack;

import io.jswarm.api.json.Json;
import io.jswarm.cli.JswarmCommand;
import io.jswarm.cli.client.DaemonClient;
import io.jswarm.cli.output.OutputFormat;
import io.jswarm.cli.output.Table;
import io.jswarm.manager.stack.StackWire;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code jswarm stack ls}: NAME SERVICES. */
@Command(name = "ls", aliases = "list", mixinStandardHelpOptions = true, description = "List stacks")
public final class StackLsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        JswarmCommand root = JswarmCommand.of(spec);
        PrintWriter out = spec.commandLine().getOut();
        try (DaemonClient client = DaemonClient.connect(root.daemon())) {
            List<StackWire.StackSummary> stacks = List.of(client.get("/v1/stacks").as(StackWire.StackSummary[].class));
            if (root.format() == OutputFormat.JSON) {
                out.println(Json.write(stacks));
            } else if (root.quiet()) {
                stacks.forEach(s -> out.println(s.name()));
            } else {
                Table t = new Table("NAME", "SERVICES");
                stacks.forEach(s -> t.row(s.name(), s.services()));
                t.print(out);
            }
            out.flush();
        }
    }
}
