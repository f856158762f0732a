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

    @Option(names = "--no-worker", description = "Run no tasks on this node (by default every node, managers too, runs tasks).")
    boolean noWorker;

    @Option(names = "--bridge", paramLabel = "NAME", description = "Bridge for this node's containers (default jsw-<node id prefix>).")
    String bridge;

    @Option(names = "--subnet", paramLabel = "CIDR", description = "Container subnet of this node (default 10.213.N.0/24, N from the node id).")
    String subnet;

    @Option(names = "--insecure-registry", paramLabel = "HOST[:PORT]", description = "Registry reached over plain HTTP (repeatable).")
    java.util.List<String> insecureRegistries = new java.util.ArrayList<>();

    @Option(names = "--dashboard-addr", paramLabel = "HOST:PORT|none",
            description = "Where managers serve the dashboard (default 127.0.0.1:2380; plain HTTP only on loopback).")
    String dashboardAddr = "127.0.0.1:" + io.jswarm.webui.DashboardOptions.DEFAULT_PORT;

    @Option(names = "--dashboard-cert", paramLabel = "PEM", description = "Certificate chain for serving the dashboard over HTTPS.")
    java.nio.file.Path dashboardCert;

    @Option(names = "--dashboard-key", paramLabel = "PEM", description = "Private key for --dashboard-cert.")
    java.nio.file.Path dashboardKey;

    private io.jswarm.webui.DashboardOptions dashboardOptions() {
        if ("none".equals(dashboardAddr)) {
            return null;
        }
        int colon = dashboardAddr.lastIndexOf(':');
        if (colon <= 0) {
            throw new CliException(ExitCodes.USAGE, "--dashboard-addr: expected HOST:PORT or none, got " + dashboardAddr);
        }
        if ((dashboardCert == null) != (dashboardKey == null)) {
            throw new CliException(ExitCodes.USAGE, "--dashboard-cert and --dashboard-key go together");
        }
        try {
            return new io.jswarm.webui.DashboardOptions(dashboardAddr.substring(0, colon),
                    Integer.parseInt(dashboardAddr.substring(colon + 1)),
                    dashboardCert == null ? null : new io.jswarm.webui.DashboardOptions.Tls(dashboardCert, dashboardKey));
        } catch (NumberFormatException e) {
            throw new CliException(ExitCodes.USAGE, "--dashboard-addr: the port must be a number, got " + dashboardAddr);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.USAGE, "--dashboard-addr: " + e.getMessage());
        }
    }

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
        io.jswarm.cli.daemon.WorkerOptions worker;
        try {
            worker = new io.jswarm.cli.daemon.WorkerOptions(!noWorker, bridge, subnet, insecureRegistries);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.USAGE, "--subnet: " + e.getMessage());
        }
        io.jswarm.webui.DashboardOptions dashboard = dashboardOptions();
        try {
            DaemonMain.run(options, new io.jswarm.cli.daemon.AssembledNode(options.dataDir(), worker, dashboard, options.clock()));
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
