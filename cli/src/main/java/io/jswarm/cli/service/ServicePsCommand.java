package io.jswarm.cli.service;

import io.jswarm.cli.CliException;
import io.jswarm.cli.ExitCodes;
import io.jswarm.cli.JswarmCommand;
import io.jswarm.cli.client.DaemonClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jswarm service ps SERVICE...}: tasks with history and errors. */
@Command(name = "ps", mixinStandardHelpOptions = true, description = "List the tasks of one or more services")
public final class ServicePsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Option(names = "--no-trunc", description = "Do not truncate ids and errors") boolean noTrunc;
    @Option(names = {"-f", "--filter"}, paramLabel = "KEY=VALUE", description = "Filter: desired-state=running|shutdown|…")
    List<String> filters = new ArrayList<>();
    @Parameters(arity = "1..*", paramLabel = "SERVICE") List<String> services;

    @Override
    public void run() {
        String desired = desiredStateFilter(filters);
        JswarmCommand root = JswarmCommand.of(spec);
        try (DaemonClient client = DaemonClient.connect(root.daemon())) {
            for (String s : services) {
                String q = "?service=" + enc(s) + (desired == null ? "" : "&desiredState=" + enc(desired));
                TaskTable.print(client, q, noTrunc, root, spec.commandLine().getOut());
            }
        }
    }

    static String desiredStateFilter(List<String> filters) {
        String desired = null;
        for (String f : filters) {
            if (!f.startsWith("desired-state=")) {
                throw new CliException(ExitCodes.USAGE, "--filter: supported: desired-state=STATE, got \"" + f + "\"");
            }
            desired = f.substring("desired-state=".length());
        }
        return desired;
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
