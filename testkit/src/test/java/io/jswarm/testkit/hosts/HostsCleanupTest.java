package io.jswarm.testkit.hosts;

import io.jswarm.testkit.Await;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Cleanup removes everything a run made: on close, again harmlessly on a second close, and from a
 * later run after the owning JVM was killed with SIGKILL (no shutdown hook) — without touching a
 * run whose JVM is alive.
 */
class HostsCleanupTest {
    private static final Duration SETTLE = Duration.ofSeconds(10);

    @BeforeEach
    void requireRoot() {
        String reason = Hosts.unavailableReason().orElse(null);
        assumeTrue(reason == null, reason);
    }

    @Test
    void closeRemovesEveryProcessNamespaceLinkMountCgroupAndFile() throws IOException {
        Hosts hosts = Hosts.create(2);
        String prefix = hosts.runPrefix();
        Path runDir = hosts.runDir();
        List<Long> pids = new ArrayList<>();
        Path cgroup = Cgroups.hierarchies().get(0).resolve(hosts.host(2).cgroupParent()).resolve("task1");
        try {
            Host h1 = hosts.host(1);
            Host h2 = hosts.host(2);
            h1.limitDataDir(1024 * 1024);
            // The shell names the run in its command line; its setsid'd child escapes the process group,
            // as a container shim would, and must still be found (by namespace).
            h1.start(List.of("sh", "-c", "setsid sleep 300 & sleep 300; true", prefix + "-marker"), Map.of(), h1.logFile("s"));
            Files.createDirectories(cgroup);
            h2.start(List.of("sh", "-c", "echo $$ > " + cgroup.resolve("cgroup.procs") + "; sleep 300; true", prefix + "-cg"),
                    Map.of(), h2.logFile("cg"));
            h2.isolate();
            h1.packetLoss(50);
            long ino = NetnsProcesses.inode(h1.netns()).orElseThrow();
            pids.addAll(Await.until("three processes in " + h1.netns(), SETTLE, () -> NetnsProcesses.pidsIn(ino), l -> l.size() >= 3));
            Await.until("process in " + cgroup, SETTLE, () -> Files.readString(cgroup.resolve("cgroup.procs")).isBlank(), empty -> !empty);
            assertFalse(Residue.of(prefix, runDir).isEmpty(), "the run made things to clean");
        } finally {
            hosts.close();
        }

        assertEquals(List.of(), Residue.of(prefix, runDir), "left after close");
        for (long pid : pids) {
            Await.until("pid " + pid + " gone", SETTLE, () -> gone(pid));
        }
        assertFalse(Files.exists(cgroup.getParent()), cgroup.getParent() + " removed");

        hosts.close(); // idempotent
        assertEquals(List.of(), RunSweeper.sweep(prefix, runDir), "a second sweep finds nothing to do");
    }

    @Test
    void leftoversOfAKilledJvmAreSweptWhileALiveRunIsLeftAlone() throws Exception {
        String family = "jswlo";
        try (Hosts live = Hosts.create(1, family)) {
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx64m", "-XX:TieredStopAtLevel=1", "-cp", classpath(), CrashedRun.class.getName(), family, "crash")
                    .redirectErrorStream(true).start();
            try {
                sweepAfterCrash(child, family, live);
            } finally {
                child.destroyForcibly();
                child.waitFor();
                Hosts.cleanupLeftovers(family); // even when an assertion failed; never touches the live run
            }
        }
    }

    @Test
    void shutdownHookCleansARunTheJvmExitedWithoutClosing() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-XX:TieredStopAtLevel=1", "-cp", classpath(), CrashedRun.class.getName(), "jswex", "exit")
                .redirectErrorStream(true).start();
        try {
            Map<String, String> said = readUntilReady(child);
            assertTrue(child.waitFor(30, java.util.concurrent.TimeUnit.SECONDS), "the JVM exits by itself");
            String prefix = said.get("PREFIX");
            long pid = Long.parseLong(said.get("PID"));
            assertEquals(List.of(), Residue.of(prefix, Hosts.baseDir().resolve(prefix)), "left after the JVM exited");
            Await.until("pid " + pid + " gone", SETTLE, () -> gone(pid));
            assertFalse(Files.exists(Path.of(said.get("CGROUP"))), "cgroup removed");
        } finally {
            child.destroyForcibly();
            child.waitFor();
            Hosts.cleanupLeftovers("jswex");
        }
    }

    private static void sweepAfterCrash(Process child, String family, Hosts live) throws Exception {
        Map<String, String> said = readUntilReady(child);
        String prefix = said.get("PREFIX");
        long pid = Long.parseLong(said.get("PID"));
        Path cgroup = Path.of(said.get("CGROUP"));
        child.destroyForcibly(); // SIGKILL: no shutdown hook runs
        child.waitFor();

        Path runDir = Hosts.baseDir().resolve(prefix);
        List<String> before = Residue.of(prefix, runDir);
        assertTrue(before.stream().anyMatch(s -> s.startsWith("netns")), "the crash left its namespaces: " + before);
        assertTrue(before.stream().anyMatch(s -> s.startsWith("mount")), "the crash left its tmpfs: " + before);
        assertFalse(gone(pid), "the crash left its process " + pid);

        List<String> swept = Hosts.cleanupLeftovers(family);

        assertEquals(List.of(prefix), swept, "only the dead run is swept");
        assertEquals(List.of(), Residue.of(prefix, runDir), "left after the sweep");
        Await.until("pid " + pid + " gone", SETTLE, () -> gone(pid));
        assertFalse(Files.exists(cgroup), cgroup + " removed");
        OptionalLong liveNs = NetnsProcesses.inode(live.host(1).netns());
        assertTrue(liveNs.isPresent(), "the live run keeps its namespace");
        assertTrue(live.host(1).exec(SETTLE, "true").ok(), "the live run's host still works");
    }

    /** Exited (a zombie waiting for init to reap it counts as gone). */
    private static boolean gone(long pid) {
        try {
            return ProcStat.state(Files.readString(Path.of("/proc", Long.toString(pid), "stat"))) == 'Z';
        } catch (IOException e) {
            return true;
        }
    }

    private static String classpath() throws Exception {
        Path tests = Path.of(CrashedRun.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path main = Path.of(Hosts.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return tests + ":" + main;
    }

    private static Map<String, String> readUntilReady(Process child) {
        Map<String, String> said = new ConcurrentHashMap<>();
        StringBuilder all = new StringBuilder();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    synchronized (all) {
                        all.append(line).append('\n');
                    }
                    String[] kv = line.split(" ", 2);
                    said.put(kv[0], kv.length > 1 ? kv[1] : "");
                }
            } catch (IOException e) {
                // child gone
            }
        }, "crashed-run-output");
        reader.setDaemon(true);
        reader.start();
        try {
            Await.until("crashed run to be ready", Duration.ofSeconds(30), () -> said.containsKey("READY") || !child.isAlive());
        } catch (AssertionError e) {
            child.destroyForcibly();
            throw e;
        }
        if (!said.containsKey("READY")) {
            synchronized (all) {
                throw new AssertionError("crashed run failed before READY:\n" + all);
            }
        }
        return new HashMap<>(said);
    }
}
