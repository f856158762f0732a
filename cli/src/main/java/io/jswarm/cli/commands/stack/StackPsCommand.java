package io.jswarm.cli.commands.stack;

import io.jswarm.api.json.Json;
import io.jswarm.api.task.Task;
import io.jswarm.cli.CliException;
import io.jswarm.cli.ExitCodes;
import io.jswarm.cli.JswarmCommand;
import io.jswarm.cli.client.DaemonClient;
import io.jswarm.cli.service.TaskTable;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jswarm stack ps STACK}: the tasks of every service of the stack, as {@code service ps} shows them. */
@Command(name = "ps", mixinStandardHelpOptions = true, description = "List the tasks of a stack")
public final class StackPsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Option(names = "--no-trunc", description = "Do not truncate ids and errors") boolean noTrunc;
    @Parameters(index = "0", paramLabel = "STACK") String stack;

    @Override
    public void run() {
        JswarmCommand root = JswarmCommand.of(spec);
        try (DaemonClient client = DaemonClient.connect(root.daemon())) {
            Set<String> ids = StackServices.of(client, stack).stream().map(v -> v.service().id()).collect(Collectors.toSet());
            if (ids.isEmpty()) {
                throw new CliException(ExitCodes.FAILED, "nothing found in stack: " + stack);
            }
            List<Task> tasks = List.of(Json.read(client.get("/v1/tasks").body(), Task[].class)).stream()
                    .filter(t -> ids.contains(t.serviceId())).toList();
            TaskTable.print(client, tasks, noTrunc, root, spec.commandLine().getOut());
        }
    }
}
