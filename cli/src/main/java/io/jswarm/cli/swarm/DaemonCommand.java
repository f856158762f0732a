package io.jswarm.cli.swarm;

import io.jswarm.cli.CliException;
import io.jswarm.cli.DaemonAddress;
import io.jswarm.cli.ExitCodes;
import io.jswarm.cli.JswarmCommand;
import io.jswarm.manager.node.DaemonMain;
import io.jswarm.manager.node.DaemonOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code jswarm daemon}: runs this node's daemon in the foreground until SIGTERM. */
@Command(name = "daemon", mixinStandardHelpOptions = true,
        description = "Run this node's daemon in the foreground (local API on <data-dir>/jswarm.sock).")
public final class DaemonCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Option(names = "--hostname", paramLabel = "NAME", description = "Name to show for this node (default: the host name).")
    String hostname;

    @Override
    public void run() {
        DaemonAddress address = JswarmCommand.of(spec).daemon();
        if (!(address instanceof DaemonAddress.UnixSocket unix)) {
            throw new CliException(ExitCodes.USAGE, "jswarm daemon takes --data-dir, not -H tcp://");
        }
        DaemonOptions options = DaemonOptions.defaults(unix.path().getParent());
        if (hostname != null && !hostname.isBlank()) {
            options = options.withHostname(hostname);
        }
        try {
            DaemonMain.run(options);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.io.IOException e) {
            throw new CliException(ExitCodes.FAILED, "cannot start the daemon: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new CliException(ExitCodes.FAILED, "daemon failed: " + e.getMessage(), e);
        }
    }
}
