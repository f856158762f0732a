package io.jswarm.testkit.hosts;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A test JVM that builds a run with every kind of resource and then waits to be killed with
 * SIGKILL, so that its shutdown hook never runs: what {@link Hosts#cleanupLeftovers} must sweep.
 * Prints the run prefix and the pid of a process it started, then "READY".
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
        new java.util.concurrent.CountDownLatch(1).await(); // until the test kills this JVM
    }
}
