package io.jswarm.cli;

import io.jswarm.cli.output.OutputFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The root {@code jswarm} command. Its options are inherited by every subcommand, so
 * {@code jswarm node ls --data-dir /x} and {@code jswarm --data-dir /x node ls} mean the same;
 * subcommands read them through {@link #of(CommandSpec)}.
 */
@Command(
        name = "jswarm",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        usageHelpAutoWidth = true,
        description = "A container orchestrator in the spirit of Docker Swarm.",
        footer = {"", "Run 'jswarm COMMAND --help' for more information on a command."})
public final class JswarmCommand implements Runnable {

    /** Environment variable that selects the local node's data directory. */
    public static final String DATA_DIR_ENV = "JSWARM_DATA_DIR";

    @Spec
    CommandSpec spec;

    @Option(names = "--data-dir", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "Data directory of the local node whose daemon to talk to (env ${JSWARM_DATA_DIR:-JSWARM_DATA_DIR}; default "
                    + DaemonAddress.DEFAULT_DATA_DIR + ").")
    String dataDir;

    @Option(names = {"-H", "--host"}, scope = ScopeType.INHERIT, paramLabel = "ADDR",
            description = "Daemon to talk to: unix:///path/to/jswarm.sock or tcp://HOST:PORT (overrides --data-dir).")
    String host;

    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT, description = "Print only IDs or tokens.")
    boolean quiet;

    @Option(names = "--format", scope = ScopeType.INHERIT, paramLabel = "FORMAT",
            description = "Output format of listings: ${COMPLETION-CANDIDATES} (default: table).")
    OutputFormat format = OutputFormat.TABLE;

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Show stack traces and debug detail on errors.")
    boolean debug;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The root command's options as seen from any subcommand. */
    public static JswarmCommand of(CommandSpec anySubcommand) {
        return (JswarmCommand) anySubcommand.root().userObject();
    }

    /** Which daemon this invocation talks to, from -H, --data-dir, the environment or the default. */
    public DaemonAddress daemon() {
        return DaemonAddress.resolve(host, dataDir, System.getenv(DATA_DIR_ENV));
    }

    public boolean quiet() {
        return quiet;
    }

    public OutputFormat format() {
        return format;
    }

    public boolean debug() {
        return debug;
    }
}
