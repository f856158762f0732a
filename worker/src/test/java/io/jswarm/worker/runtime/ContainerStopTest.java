package io.jswarm.worker.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jswarm.api.task.ContainerSpec;
import io.jswarm.api.task.Resources;
import io.jswarm.testkit.Await;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The stop signal reaches the process through tini; SIGKILL follows only after the grace period. */
class ContainerStopTest {
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

    private String started(String name, String script) {
        String id = fx.id(name);
        fx.runtime.create(new ContainerRequest(id, ContainerSpec.of("busybox", "sh", "-c", script), Resources.NONE, fx.busybox, null));
        fx.runtime.start(id);
        // The trap must be installed before we signal: the script says so on stdout.
        Await.until("the script is ready", Duration.ofSeconds(10),
                () -> Files.readString(fx.runtime.dirs(id).stdoutLog()).contains("ready"));
        return id;
    }

    @Test
    void trappedTermExitsWithItsOwnCodeWithinGrace() {
        String id = started("trap", "trap 'echo bye; exit 42' TERM; echo ready; while true; do sleep 0.05; done");
        long t0 = System.nanoTime();
        ExitStatus exit = fx.runtime.stop(id, "TERM", Duration.ofSeconds(10));
        long millis = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(42, exit.exitCode(), exit.message());
        assertTrue(millis < 10_000, "took " + millis + " ms: SIGKILLed after the grace instead of exiting on TERM");
        fx.runtime.remove(id);
    }

    @Test
    void ignoredTermIsKilledAfterGrace() {
        String id = started("ignore", "trap '' TERM; echo ready; while true; do sleep 0.05; done");
        long t0 = System.nanoTime();
        ExitStatus exit = fx.runtime.stop(id, "SIGTERM", Duration.ofMillis(800));
        long millis = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(137, exit.exitCode(), exit.message());
        assertTrue(millis >= 800, "killed after " + millis + " ms, before the grace period ended");
        fx.runtime.remove(id);
    }

    @Test
    void containerWhoseShimDiedIsStillStoppedAndReportedAsLost() {
        String id = started("noshim", "echo ready; while true; do sleep 0.05; done");
        ContainerRecord rec = fx.runtime.load(id).orElseThrow();
        ProcessHandle shim = ProcessHandle.of(rec.shimPid()).orElseThrow();
        shim.destroyForcibly(); // SIGKILL the shim; runc and the container live on
        Await.until("the shim is gone", Duration.ofSeconds(10), () -> !shim.isAlive());
        assertTrue(fx.runtime.recover().stream().anyMatch(r -> r.id().equals(id)
                && r.state() == RecoveredContainer.State.RUNNING && !r.supervised()), "not reported as unsupervised and running");
        ExitStatus exit = fx.runtime.stop(id, "TERM", Duration.ofSeconds(5));
        assertTrue(exit.statusLost(), exit.toString());
        assertTrue(exit.message().startsWith("exit status lost"), exit.message());
        fx.runtime.remove(id);
    }
}
