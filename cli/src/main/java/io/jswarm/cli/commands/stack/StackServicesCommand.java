package io.jswarm.cli.commands.stack;

import io.jswarm.cli.CliException;
import io.jswarm.cli.ExitCodes;
import io.jswarm.cli.JswarmCommand;
import io.jswarm.cli.client.DaemonClient;
import io.jswarm.cli.service.ServiceLsCommand;
import io.jswarm.manager.api.ServiceWire;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jswarm stack services STACK}: {@code service ls} limited to the stack. */
@Command(name = "services", mixinStandardHelpOptions = true, description = "List the services of a stack")
public final class StackServicesCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "STACK") String stack;

    @Override
    public void run() {
        JswarmCommand root = JswarmCommand.of(spec);
        try (DaemonClient client = DaemonClient.connect(root.daemon())) {
            List<ServiceWire.ServiceView> views = StackServices.of(client, stack);
            if (views.isEmpty()) {
                throw new CliException(ExitCodes.FAILED, "nothing found in stack: " + stack);
            }
            ServiceLsCommand.print(views, root, spec.commandLine().getOut());
        }
    }
}
