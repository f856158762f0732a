package io.jswarm.worker.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jswarm.api.task.ContainerSpec;
import io.jswarm.api.task.Resources;
import io.jswarm.testkit.Await;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Memory, pids and CPU limits hold inside a real container (cgroup v1 on this host). */
class ContainerLimitsTest {
    static RuntimeFixture fx;

    @BeforeAll
    static void setUp() throws Exception {
        RootOnly.assume();
        fx = new RuntimeFixture();
    }

    @AfterAll
    static void tearDown() throws Exception {
        if (fx != null) {
            fx.close();
            assertEquals(List.of(), fx.leftovers());
        }
    }

    private static ContainerSpec sh(String script) {
        return ContainerSpec.of("busybox", "sh", "-c", script);
    }

    @Test
    void memoryHogIsOomKilledAndReportedAsSuch() {
        String id = fx.id("oom");
        // The string doubles every round: far past 32M within a second.
        fx.runtime.create(new ContainerRequest(id, sh("x=0123456789abcdef; while true; do x=$x$x; done"),
                new Resources(null, 32L * 1024 * 1024, null), fx.busybox, null));
        fx.runtime.start(id);
        ExitStatus exit = fx.runtime.awaitExit(id, Duration.ofSeconds(30)).orElseThrow();
        assertTrue(exit.oomKilled(), "expected an OOM kill, got " + exit);
        assertEquals(137, exit.exitCode());
        assertTrue(exit.message().startsWith("OOM killed"), exit.message());
        fx.runtime.remove(id);
    }

    @Test
    void forkBombStopsAtPidsMax() {
        String id = fx.id("forks");
        // Bounded on purpose (200 forks) so a broken limit cannot hurt the host.
        fx.runtime.create(new ContainerRequest(id,
                sh("i=0; while [ $i -lt 200 ]; do sleep 60 & i=$((i+1)); done; echo done; sleep 60"),
                new Resources(null, null, 20L), fx.busybox, null));
        fx.runtime.start(id);
        String cg = fx.runtime.config().cgroupPath(id);
        Await.until("forks refused at pids.max", Duration.ofSeconds(20),
                () -> fx.runtime.cgroups().pidsLimitHits(cg).orElse(0), hits -> hits > 0);
        long current = fx.runtime.cgroups().pidsCurrent(cg).orElseThrow();
        assertTrue(current <= 20, "pids.current " + current + " above the limit of 20");
        fx.runtime.stop(id, "KILL", Duration.ZERO);
        fx.runtime.remove(id);
    }

    @Test
    void busyLoopUnderPointTwoCpusUsesAboutPointTwo() throws Exception {
        String id = fx.id("cpu");
        fx.runtime.create(new ContainerRequest(id, sh("while :; do :; done"),
                new Resources(200_000_000L, null, null), fx.busybox, null));
        fx.runtime.start(id);
        String cg = fx.runtime.config().cgroupPath(id);
        Await.until("the loop is burning CPU", Duration.ofSeconds(10),
                () -> fx.runtime.cgroups().cpuUsageNanos(cg).orElse(0), used -> used > 0);
        long used0 = fx.runtime.cgroups().cpuUsageNanos(cg).orElseThrow();
        long t0 = System.nanoTime();
        Thread.sleep(1500); // a measurement window, not a wait for a condition
        long used1 = fx.runtime.cgroups().cpuUsageNanos(cg).orElseThrow();
        double cpus = (double) (used1 - used0) / (System.nanoTime() - t0);
        // The ceiling is what the quota guarantees; the floor only shows the loop ran (a busy
        // shared CI machine may give it less than its quota).
        assertTrue(cpus > 0.05 && cpus < 0.3, "expected ≈0.2 CPUs, measured " + cpus);
        fx.runtime.stop(id, "KILL", Duration.ZERO);
        fx.runtime.remove(id);
    }
}
