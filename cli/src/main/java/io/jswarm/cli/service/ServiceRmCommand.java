package io.jswarm.cli.service;

import io.jswarm.cli.CliException;
import io.jswarm.cli.ExitCodes;
import io.jswarm.cli.JswarmCommand;
import io.jswarm.cli.client.DaemonClient;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jswarm service rm SERVICE...}: removes each; reports every failure, exits 1 if any. */
@Command(name = "rm", mixinStandardHelpOptions = true, description = "Remove one or more services")
public final class ServiceRmCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "SERVICE") List<String> services;

    @Override
    public void run() {
        JswarmCommand root = JswarmCommand.of(spec);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int failed = 0;
        try (DaemonClient client = DaemonClient.connect(root.daemon())) {
            for (String s : services) {
                try {
                    client.delete("/v1/services/" + ServicePsCommand.enc(s));
                    out.println(s);
                } catch (CliException e) {
                    if (e.exitCode() != ExitCodes.FAILED) {
                        throw e;
                    }
                    err.println("jswarm: " + s + ": " + e.getMessage());
                    failed++;
                }
            }
        }
        out.flush();
        err.flush();
        if (failed > 0) {
            throw new CliException(ExitCodes.FAILED, failed + " of " + services.size() + " services not removed");
        }
    }
}
