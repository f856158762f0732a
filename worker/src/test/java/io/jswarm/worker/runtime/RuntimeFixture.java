package io.jswarm.worker.runtime;

import io.jswarm.testkit.BusyboxRootfs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A runtime of its own for one test class: a unique node id (so cgroups, runc state and data dir
 * never meet another run's), a busybox image layer, and a close() that removes every container it
 * made and checks that nothing with its prefix is left behind.
 */
public final class RuntimeFixture implements AutoCloseable {
    private static Path sharedLayer;

    public final String node;
    public final Path dataDir;
    public final ContainerRuntime runtime;
    public final PreparedImage busybox;

    public RuntimeFixture() throws IOException {
        node = "t" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(0, 6);
        dataDir = Files.createTempDirectory("jswarm-rt-" + node);
        runtime = ContainerRuntime.onThisHost(RuntimeConfig.of(dataDir, node, Clock.systemUTC()));
        busybox = new PreparedImage(List.of(layer()), ImageDefaults.NONE);
    }

    /** One busybox layer per test JVM (building it takes a couple of seconds). */
    static synchronized Path layer() throws IOException {
        if (sharedLayer == null) {
            Path dir = Files.createTempDirectory("jswarm-busybox-layer");
            BusyboxRootfs.build(dir);
            sharedLayer = dir;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> ContainerRuntime.deleteTree(dir)));
        }
        return sharedLayer;
    }

    public String id(String name) {
        return node + "-" + name;
    }

    /** What is left of this fixture on the host: cgroups, mounts, runc containers. */
    public List<String> leftovers() throws IOException {
        List<String> left = new ArrayList<>();
        for (Path dir : runtime.cgroups().layout().directories("/" + runtime.config().cgroupParent())) {
            if (Files.isDirectory(dir)) {
                try (var s = Files.list(dir)) {
                    s.filter(Files::isDirectory).forEach(d -> left.add("cgroup " + d));
                }
            }
        }
        for (String line : Files.readAllLines(Path.of("/proc/self/mounts"))) {
            if (line.contains(dataDir.toString())) {
                left.add("mount " + line);
            }
        }
        // Only while the state root exists: runc list would create it.
        if (Files.isDirectory(runtime.config().runtimeStateRoot())) {
            runtime.oci().list().forEach(s -> left.add("runc container " + s.id()));
        }
        if (Files.exists(dataDir)) {
            left.add("data dir " + dataDir);
        }
        // Shims and runtimes name the data dir on their command lines.
        ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(dataDir.toString())).orElse(false))
                .filter(p -> p.pid() != ProcessHandle.current().pid())
                .forEach(p -> left.add("process " + p.pid() + " " + p.info().commandLine().orElse("")));
        return left;
    }

    @Override
    public void close() throws IOException {
        List<RuntimeException> errors = new ArrayList<>();
        for (String id : runtime.containerIds()) {
            try {
                runtime.remove(id);
            } catch (RuntimeException e) {
                errors.add(e);
            }
        }
        for (OciState s : runtime.oci().list()) {
            runtime.oci().delete(s.id(), true);
        }
        for (Path dir : runtime.cgroups().layout().directories("/" + runtime.config().cgroupParent())) {
            runtime.cgroups().remove("/" + runtime.config().cgroupParent());
        }
        ContainerRuntime.deleteTree(dataDir);
        if (!errors.isEmpty()) {
            throw errors.get(0);
        }
    }
}
