package io.jswarm.cli;

import picocli.CommandLine;

/** Entry point of the {@code jswarm} command (client commands and, later, the node daemon). */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The fully wired command line; tests call this and set their own out/err writers. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new JswarmCommand());
        PlannedCommands.addTo(cli);
        cli.setExecutionExceptionHandler(new FailureHandler());
        cli.setParameterExceptionHandler(new UsageErrorHandler());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        return cli;
    }
}
