package io.jswarm.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jswarm.cli.Main;
import io.jswarm.testkit.Await;
import io.jswarm.worker.runtime.ContainerRuntime;
import io.jswarm.worker.runtime.RuntimeConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;

/**
 * One real node daemon of a test cluster: its own JVM from the test class path, its own data dir
 * and bridge, driven through {@code Main.commandLine()} with {@code --data-dir} as a user would.
 * {@link #cleanUp()} removes everything it made by name (containers, cgroup parent, nft table,
 * netns, bridge, mounts) even after a failure; {@link #leftovers()} lists what would still remain.
 */
final class LocalNode {
    record Run(int code, String out, String err) {}

    final Path dataDir;
    final String bridge;
    private final Path log;
    private Process daemon;
    String nodeId;

    LocalNode(Path dataDir, String bridge) {
        this.dataDir = dataDir;
        this.bridge = bridge;
        this.log = dataDir.resolveSibling(dataDir.getFileName() + "-daemon.log");
    }

    Run jswarm(String... args) {
        // Options first: after a "--" everything is the container's command.
        List<String> all = new ArrayList<>(List.of("--data-dir", dataDir.toString()));
        all.addAll(List.of(args));
        CommandLine cli = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return new Run(cli.execute(all.toArray(String[]::new)), out.toString(), err.toString());
    }

    Run ok(String... args) {
        Run r = jswarm(args);
        assertEquals(0, r.code(), String.join(" ", args) + " → " + r.err() + r.out());
        return r;
    }

    void start(String... options) throws Exception {
        Files.createDirectories(dataDir);
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), "io.jswarm.cli.Main", "daemon", "--data-dir", dataDir.toString()));
        cmd.addAll(List.of(options));
        daemon = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Await.until("the daemon's local API socket of " + dataDir, Duration.ofSeconds(60), () -> {
            if (!daemon.isAlive()) {
                throw new AssertionError("daemon exited: " + Files.readString(log));
            }
            return Files.exists(dataDir.resolve("jswarm.sock")) && jswarm("image", "ls").code() == 0;
        });
    }

    boolean running() {
        return daemon != null && daemon.isAlive();
    }

    void stop() throws Exception {
        if (running()) {
            daemon.destroy();
            if (!daemon.waitFor(30, TimeUnit.SECONDS)) {
                daemon.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** Even after a failure: leave (removes containers, bridge, table, cgroups), stop, then remove what remains by name. */
    void cleanUp() throws Exception {
        try {
            if (running() && nodeId != null) {
                jswarm("leave", "--force");
            }
        } finally {
            stop();
            if (nodeId != null) {
                ContainerRuntime rt = runtime();
                for (String id : rt.containerIds()) {
                    try {
                        rt.stop(id, "KILL", Duration.ZERO);
                        rt.remove(id);
                    } catch (RuntimeException ignored) {
                        // best effort after a failure; the leak check reports what stays
                    }
                }
                rt.cgroups().remove("/" + rt.config().cgroupParent());
                run("nft", "delete", "table", "ip", "jswarm-" + nodeId);
                for (Path p : netns()) {
                    run("ip", "netns", "del", p.getFileName().toString());
                }
            }
            run("ip", "link", "del", bridge);
            for (String line : Files.readAllLines(Path.of("/proc/self/mounts"))) {
                String[] f = line.split(" ");
                if (f.length > 1 && f[1].startsWith(dataDir.toString())) {
                    run("umount", "-l", f[1]);
                }
            }
        }
    }

    /** What is left of this node on the host: cgroups, mounts, netns, links, nft table, processes. */
    List<String> leftovers() throws Exception {
        List<String> left = new ArrayList<>();
        if (nodeId != null) {
            ContainerRuntime rt = runtime();
            for (Path d : rt.cgroups().layout().directories("/" + rt.config().cgroupParent())) {
                if (Files.exists(d)) {
                    left.add("cgroup " + d);
                }
            }
            netns().forEach(p -> left.add("netns " + p));
            if (run("nft", "list", "table", "ip", "jswarm-" + nodeId) == 0) {
                left.add("nft table jswarm-" + nodeId);
            }
        }
        if (run("ip", "link", "show", "dev", bridge) == 0) {
            left.add("bridge " + bridge);
        }
        for (String line : Files.readAllLines(Path.of("/proc/self/mounts"))) {
            if (line.contains(dataDir.toString())) {
                left.add("mount " + line);
            }
        }
        ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(dataDir.toString())).orElse(false))
                .filter(p -> p.pid() != ProcessHandle.current().pid())
                .forEach(p -> left.add("process " + p.pid() + " " + p.info().commandLine().orElse("")));
        return left;
    }

    String daemonLog() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    private ContainerRuntime runtime() {
        return ContainerRuntime.onThisHost(RuntimeConfig.of(dataDir.resolve("worker"), nodeId, Clock.systemUTC()));
    }

    private List<Path> netns() throws Exception {
        if (!Files.isDirectory(Path.of("/run/netns"))) {
            return List.of();
        }
        try (var s = Files.list(Path.of("/run/netns"))) {
            return s.filter(p -> p.getFileName().toString().startsWith("jswarm-" + nodeId)).toList();
        }
    }

    static int run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return p.waitFor(10, TimeUnit.SECONDS) ? p.exitValue() : -1;
    }
}
