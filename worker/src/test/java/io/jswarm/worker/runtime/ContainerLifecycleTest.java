package io.jswarm.worker.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jswarm.api.task.ContainerSpec;
import io.jswarm.api.task.Resources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ContainerLifecycleTest {
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

    static ContainerSpec sh(String script) {
        return ContainerSpec.of("busybox", "sh", "-c", script);
    }

    @Test
    void runsToCompletionWithLogsAndExitCode() throws Exception {
        String id = fx.id("echo");
        fx.runtime.create(new ContainerRequest(id, sh("echo hi; echo oops >&2; exit 3"), Resources.NONE, fx.busybox, null));
        fx.runtime.start(id);
        ExitStatus exit = fx.runtime.awaitExit(id, Duration.ofSeconds(20)).orElseThrow();
        assertEquals(3, exit.exitCode());
        assertFalse(exit.oomKilled());
        assertEquals("hi\n", Files.readString(fx.runtime.dirs(id).stdoutLog()));
        assertTrue(Files.readString(fx.runtime.dirs(id).stderrLog()).contains("oops"));
        fx.runtime.remove(id);
        assertFalse(Files.exists(fx.runtime.dirs(id).root()));
        assertFalse(fx.runtime.cgroups().exists(fx.runtime.config().cgroupPath(id)));
    }

    @Test
    void containerWithoutARecordIsReapedNotLeftRunning() throws Exception {
        String id = fx.id("orphan");
        fx.runtime.create(new ContainerRequest(id, sh("sleep 600"), Resources.NONE, fx.busybox, null));
        fx.runtime.start(id);
        long pid = fx.runtime.pid(id).orElseThrow();
        // The worker "crashed" before it could persist anything about this container.
        Files.delete(fx.runtime.dirs(id).record());
        assertEquals(List.of(id), fx.runtime.reapOrphans());
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "the orphan still runs");
        assertFalse(fx.runtime.cgroups().exists(fx.runtime.config().cgroupPath(id)));
        io.jswarm.testkit.Await.until("the shim exits", java.time.Duration.ofSeconds(10),
                () -> Files.exists(fx.runtime.dirs(id).exitFile()));
        OverlayRootfs.unmount(fx.runtime.dirs(id).rootfs());
        ContainerRuntime.deleteTree(fx.runtime.dirs(id).root());
        assertFalse(Files.exists(Path.of("/proc", String.valueOf(pid))));
    }

    @Test
    void aHalfCreatedContainerIsStartedOverNotRefused() throws Exception {
        String id = fx.id("half");
        Files.createDirectories(fx.runtime.dirs(id).logs()); // what a crash during create leaves
        Files.writeString(fx.runtime.dirs(id).root().resolve("junk"), "x");
        fx.runtime.create(new ContainerRequest(id, sh("exit 0"), Resources.NONE, fx.busybox, null));
        assertFalse(Files.exists(fx.runtime.dirs(id).root().resolve("junk")));
        fx.runtime.start(id);
        assertEquals(0, fx.runtime.awaitExit(id, Duration.ofSeconds(20)).orElseThrow().exitCode());
        fx.runtime.remove(id);
    }
}
