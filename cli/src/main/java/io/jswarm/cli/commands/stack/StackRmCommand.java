package io.jswarm.cli.commands.stack;

import io.jswarm.cli.JswarmCommand;
import io.jswarm.cli.client.DaemonClient;
import io.jswarm.manager.stack.StackWire;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jswarm stack rm STACK...}: removes every service labelled with the stack, and nothing else. */
@Command(name = "rm", aliases = {"remove", "down"}, mixinStandardHelpOptions = true, description = "Remove one or more stacks")
public final class StackRmCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "STACK") List<String> stacks;

    @Override
    public void run() {
        JswarmCommand root = JswarmCommand.of(spec);
        PrintWriter out = spec.commandLine().getOut();
        try (DaemonClient client = DaemonClient.connect(root.daemon())) {
            for (String stack : stacks) {
                StackWire.RemoveAnswer a = client.delete("/v1/stacks/" + URLEncoder.encode(stack, StandardCharsets.UTF_8))
                        .as(StackWire.RemoveAnswer.class);
                if (a.removed().isEmpty()) {
                    out.println("Nothing found in stack: " + stack);
                }
                a.removed().forEach(name -> out.println("Removing service " + name));
            }
            out.flush();
        }
    }
}
