package io.jswarm.testkit.hosts;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A test JVM that builds a run with every kind of resource, prints the run prefix, the pid of a
 * process it started and its cgroup, then "READY". Mode {@code crash}: waits to be killed with
 * SIGKILL, so its shutdown hook never runs (what {@link Hosts#cleanupLeftovers} must sweep). Mode
 * {@code exit}: returns from main without closing the run (what the shutdown hook must clean).
 */
public final class CrashedRun {
    private CrashedRun() {}

    public static void main(String[] args) throws Exception {
        Hosts hosts = Hosts.create(2, args[0]);
        Host h = hosts.host(1);
        h.limitDataDir(64 * 1024);
        HostProcess p = h.start(List.of("sh", "-c", "sleep 300 & exec sleep 300"), Map.of(), h.logFile("sleep"));
        hosts.host(2).isolate();
        Path cg = Cgroups.hierarchies().get(0).resolve(h.cgroupParent());
        Files.createDirectories(cg);
        System.out.println("PREFIX " + hosts.runPrefix());
        System.out.println("PID " + p.pid());
        System.out.println("CGROUP " + cg);
        System.out.println("READY");
        System.out.flush();
        if (args[1].equals("crash")) {
            new java.util.concurrent.CountDownLatch(1).await(); // until the test kills this JVM
        }
    }
}
