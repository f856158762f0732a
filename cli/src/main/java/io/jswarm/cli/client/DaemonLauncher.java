package io.jswarm.cli.client;

import io.jswarm.cli.CliException;
import io.jswarm.cli.ExitCodes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts {@code jswarm daemon} for a data directory in the background (as {@code init} and
 * {@code join} do when no daemon runs there) and waits until it answers on its socket.
 */
public final class DaemonLauncher {
    private DaemonLauncher() {}

    public static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    /**
     * Options for the daemons this JVM starts ({@code jswarm daemon --help}), from the system
     * property {@value #DAEMON_ARGS} (whitespace-separated), e.g. {@code --no-worker --dashboard-addr none}
     * for tests that start many daemons and want no bridges or dashboards.
     */
    public static final String DAEMON_ARGS = "jswarm.daemon.args";

    static java.util.List<String> extraArgs() {
        String v = System.getProperty(DAEMON_ARGS, "").strip();
        return v.isEmpty() ? java.util.List.of() : java.util.List.of(v.split("\\s+"));
    }

    public static void ensureRunning(DaemonConnection conn, Path dataDir) {
        if (conn.reachable()) {
            return;
        }
        Process p;
        Path log = dataDir.resolve("daemon.log");
        try {
            Files.createDirectories(dataDir);
            Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwx------"));
            List<String> cmd = new ArrayList<>();
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            cmd.add("-Djava.util.concurrent.ForkJoinPool.common.parallelism=4");
            cmd.add("-cp");
            cmd.add(System.getProperty("java.class.path"));
            cmd.add("io.jswarm.cli.Main");
            cmd.add("daemon");
            cmd.add("--data-dir");
            cmd.add(dataDir.toString());
            cmd.addAll(extraArgs());
            p = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new CliException(ExitCodes.FAILED, "cannot start the daemon for " + dataDir + ": " + e.getMessage(), e);
        }
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        long pause = 50;
        while (!conn.reachable()) {
            if (!p.isAlive()) {
                throw new CliException(ExitCodes.FAILED, "the daemon for " + dataDir + " exited (code " + p.exitValue()
                        + "); see " + log);
            }
            if (System.nanoTime() > deadline) {
                throw new CliException(ExitCodes.FAILED, "the daemon for " + dataDir + " did not become ready within "
                        + READY_TIMEOUT.toSeconds() + " s; see " + log);
            }
            try {
                Thread.sleep(pause); // polling the socket: the daemon has no other way to tell us
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CliException(ExitCodes.FAILED, "interrupted while waiting for the daemon");
            }
            pause = Math.min(pause * 2, 500);
        }
    }
}
