package io.jswarm.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The whole {@code jswarm} command tree, docker's noun-then-verb order. An entry is either a real
 * command class or a planned one: a planned command shows in {@code --help} with its purpose
 * and, when run, says plainly that this build does not provide it yet (exit code
 * {@link ExitCodes#NOT_AVAILABLE}). Implementing a command means replacing its {@code planned}
 * entry here with {@code command(new XyzCommand())}.
 */
final class PlannedCommands {
    private PlannedCommands() {}

    sealed interface Entry permits Real, Planned, Group {}

    record Real(Object command) implements Entry {}

    record Planned(String name, String description) implements Entry {}

    record Group(String name, String description, List<Entry> children) implements Entry {}

    static Entry command(Object annotated) {
        return new Real(annotated);
    }

    static Entry planned(String name, String description) {
        return new Planned(name, description);
    }

    static Entry group(String name, String description, Entry... children) {
        return new Group(name, description, List.of(children));
    }

    static List<Entry> tree() {
        return List.of(
                command(new io.jswarm.cli.swarm.DaemonCommand()),
                command(new io.jswarm.cli.swarm.InitCommand()),
                command(new io.jswarm.cli.swarm.JoinCommand()),
                command(new io.jswarm.cli.swarm.LeaveCommand()),
                command(new io.jswarm.cli.swarm.JoinTokenCommand()),
                command(new io.jswarm.cli.commands.stack.StackDeployCommand()),
                command(new io.jswarm.cli.events.EventsCommand()),
                group("node", "Manage cluster nodes",
                        command(new io.jswarm.cli.node.NodeLsCommand()),
                        command(new io.jswarm.cli.node.NodeInspectCommand()),
                        command(new io.jswarm.cli.node.NodeUpdateCommand()),
                        planned("promote", "Make workers managers"),
                        planned("demote", "Make managers workers"),
                        command(new io.jswarm.cli.node.NodeRmCommand()),
                        command(new io.jswarm.cli.node.NodePsCommand())),
                group("service", "Manage services",
                        command(new io.jswarm.cli.service.ServiceCreateCommand()),
                        command(new io.jswarm.cli.service.ServiceLsCommand()),
                        command(new io.jswarm.cli.service.ServicePsCommand()),
                        command(new io.jswarm.cli.service.ServiceInspectCommand()),
                        planned("update", "Change a service"),
                        command(new io.jswarm.cli.service.ServiceScaleCommand()),
                        command(new io.jswarm.cli.service.ServiceRmCommand()),
                        command(new io.jswarm.cli.service.ServiceLogsCommand())),
                group("stack", "Manage stacks deployed from Compose files",
                        command(new io.jswarm.cli.commands.stack.StackDeployCommand()),
                        command(new io.jswarm.cli.commands.stack.StackLsCommand()),
                        command(new io.jswarm.cli.commands.stack.StackPsCommand()),
                        command(new io.jswarm.cli.commands.stack.StackServicesCommand()),
                        command(new io.jswarm.cli.commands.stack.StackRmCommand()),
                        command(new io.jswarm.cli.commands.stack.StackConfigCommand())),
                group("image", "Manage images",
                        command(new io.jswarm.cli.image.ImageCommands.Ls()),
                        command(new io.jswarm.cli.image.ImageCommands.Pull()),
                        planned("push", "Push an image to a registry"),
                        command(new io.jswarm.cli.image.ImageCommands.Load()),
                        command(new io.jswarm.cli.image.ImageCommands.Import()),
                        command(new io.jswarm.cli.image.ImageCommands.Inspect()),
                        command(new io.jswarm.cli.image.ImageCommands.Rm())),
                group("dashboard", "The managers' web dashboard",
                        command(new io.jswarm.cli.dashboard.DashboardTokenCommand())),
                group("cluster", "Manage the cluster as a whole",
                        command(new io.jswarm.cli.cluster.ClusterBackupCommand())));
    }

    static void addTo(CommandLine root) {
        for (Entry e : tree()) {
            add(root, e);
        }
    }

    private static void add(CommandLine parent, Entry entry) {
        if (entry instanceof Real r) {
            parent.addSubcommand(r.command());
            if (r.command() instanceof StopsAtPositional) {
                // Set after adding: a subcommand takes over its parent's parser settings when added.
                parent.getSubcommands().values().stream().filter(c -> c.getCommand() == r.command())
                        .forEach(c -> c.setStopAtPositional(true));
            }
        } else if (entry instanceof Planned p) {
            parent.addSubcommand(p.name(), plannedSpec(p));
        } else if (entry instanceof Group g) {
            CommandLine group = new CommandLine(groupSpec(g));
            for (Entry child : g.children()) {
                add(group, child);
            }
            parent.addSubcommand(g.name(), group);
        }
    }

    private static CommandSpec groupSpec(Group g) {
        // A bare group ('jswarm node') prints its subcommands, like docker does.
        CommandSpec[] self = new CommandSpec[1];
        CommandSpec spec = CommandSpec.wrapWithoutInspection(
                (Runnable) () -> self[0].commandLine().usage(self[0].commandLine().getOut()));
        spec.name(g.name()).mixinStandardHelpOptions(true);
        spec.usageMessage().description(g.description());
        spec.usageMessage().footer("", "Run 'jswarm " + g.name() + " COMMAND --help' for more information on a command.");
        self[0] = spec;
        return spec;
    }

    private static CommandSpec plannedSpec(Planned p) {
        // The qualified name is read when the command runs: only then is the tree fully linked.
        CommandSpec[] self = new CommandSpec[1];
        CommandSpec spec = CommandSpec.wrapWithoutInspection((Runnable) () -> {
            throw new CliException(ExitCodes.NOT_AVAILABLE,
                    "'" + self[0].qualifiedName() + "' is not available in this build of jswarm yet");
        });
        self[0] = spec;
        spec.name(p.name()).mixinStandardHelpOptions(true);
        spec.usageMessage().description(p.description() + " (not available in this build yet)");
        // Accept any arguments so the user learns the command is missing, not that a flag is unknown.
        spec.parser().unmatchedArgumentsAllowed(true);
        spec.addPositional(PositionalParamSpec.builder().arity("0..*").paramLabel("ARGS").hidden(true).type(String[].class).build());
        return spec;
    }
}
