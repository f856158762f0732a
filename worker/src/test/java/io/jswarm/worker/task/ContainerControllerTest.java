package io.jswarm.worker.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jswarm.api.task.ContainerSpec;
import io.jswarm.api.task.HealthConfig;
import io.jswarm.api.task.HealthState;
import io.jswarm.api.task.Resources;
import io.jswarm.api.task.Task;
import io.jswarm.api.task.TaskState;
import io.jswarm.testkit.Await;
import io.jswarm.worker.runtime.RootOnly;
import io.jswarm.worker.runtime.RuntimeFixture;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Tasks driven by the step function through a real controller, runtime and runc. */
class ContainerControllerTest {
    static RuntimeFixture fx;
    static ScheduledExecutorService scheduler;

    @BeforeAll
    static void setUp() throws Exception {
        RootOnly.assume();
        fx = new RuntimeFixture();
        scheduler = Executors.newSingleThreadScheduledExecutor();
    }

    @AfterAll
    static void tearDown() throws Exception {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        if (fx != null) {
            fx.close();
            assertEquals(List.of(), fx.leftovers());
        }
    }

    ContainerController controller(Task t) {
        ImageSource images = ref -> {
            if (!ref.equals("busybox")) {
                throw new ControllerException("image not found: " + ref);
            }
            return fx.busybox;
        };
        return new ContainerController(t, fx.runtime, null, images, List.of(), scheduler, Clock.systemUTC());
    }

    /** Steps the task until {@code until} holds, returning the task as last seen. */
    static Task driveUntil(Task start, Controller c, java.util.function.Predicate<Task> until) {
        AtomicReference<Task> t = new AtomicReference<>(start);
        Await.until("task reaches the expected state", Duration.ofSeconds(20), () -> {
            t.set(TaskStep.step(t.get(), c, Clock.systemUTC()));
            return t.get();
        }, until);
        return t.get();
    }

    @Test
    void nonZeroExitFailsTheTaskWithTheCodeAndKeepsTheLogs() throws Exception {
        Task t = Tasks.assigned(fx.id("exit3"), ContainerSpec.of("busybox", "sh", "-c", "echo hi; exit 3"), Resources.NONE);
        ContainerController c = controller(t);
        Task end = driveUntil(t, c, x -> x.status().state().isTerminal());
        assertEquals(TaskState.FAILED, end.status().state());
        assertEquals(3, end.status().container().exitCode());
        assertEquals("exited with code 3", end.status().error());
        assertTrue(Files.readString(fx.runtime.dirs(t.id()).stdoutLog()).contains("hi"));
        c.remove();
        assertFalse(Files.exists(fx.runtime.dirs(t.id()).root()));
    }

    @Test
    void exitZeroCompletes() {
        Task t = Tasks.assigned(fx.id("ok"), ContainerSpec.of("busybox", "true"), Resources.NONE);
        ContainerController c = controller(t);
        assertEquals(TaskState.COMPLETE, driveUntil(t, c, x -> x.status().state().isTerminal()).status().state());
        c.remove();
    }

    @Test
    void unpreparableTasksAreRejectedWithActionableMessages() {
        Task noImage = Tasks.assigned(fx.id("noimg"), ContainerSpec.of("nope", "true"), Resources.NONE);
        Task end = driveUntil(noImage, controller(noImage), x -> x.status().state().isTerminal());
        assertEquals(TaskState.REJECTED, end.status().state());
        assertEquals("image not found: nope", end.status().error());

        Task tiny = Tasks.assigned(fx.id("tiny"), ContainerSpec.of("busybox", "true"), new Resources(null, 1L << 20, null));
        Task rejected = driveUntil(tiny, controller(tiny), x -> x.status().state().isTerminal());
        assertEquals(TaskState.REJECTED, rejected.status().state());
        assertTrue(rejected.status().error().startsWith("memory limit 1MiB is below the 6MiB"), rejected.status().error());
        assertFalse(Files.exists(fx.runtime.dirs(tiny.id()).root()), "a rejected task left files behind");
    }

    @Test
    void badCommandFailsWithTheRuntimesError() {
        Task t = Tasks.assigned(fx.id("nocmd"), ContainerSpec.of("busybox", "/no/such/binary"), Resources.NONE);
        // With tini as PID 1 the exec error comes from tini: exit 127 (command not found).
        ContainerSpec noInit = new ContainerSpec("busybox", null, List.of("/no/such/binary"), null, null, null, null, null, null,
                null, null, null, false, false, null, null, null, null, null, null);
        Task t2 = Tasks.assigned(fx.id("nocmd2"), noInit, Resources.NONE);
        Task end = driveUntil(t, controller(t), x -> x.status().state().isTerminal());
        assertEquals(TaskState.FAILED, end.status().state());
        ContainerController c2 = controller(t2);
        Task end2 = driveUntil(t2, c2, x -> x.status().state().isTerminal());
        assertEquals(TaskState.FAILED, end2.status().state());
        assertTrue(end2.status().error().startsWith("runc: "), end2.status().error());
        assertTrue(end2.status().error().contains("/no/such/binary"), end2.status().error());
    }

    @Test
    void failingHealthCheckMarksUnhealthyAfterRetriesAndFailsTheTask() {
        HealthConfig hc = new HealthConfig(List.of("CMD-SHELL", "echo probe-says-no; exit 1"), Duration.ofMillis(100),
                Duration.ofSeconds(2), 2, null);
        ContainerSpec spec = new ContainerSpec("busybox", null, List.of("sleep", "600"), null, null, null, null, null, null,
                hc, null, Duration.ofSeconds(2), false, null, null, null, null, null, null, null);
        Task t = Tasks.assigned(fx.id("sick"), spec, Resources.NONE);
        ContainerController c = controller(t);
        Task running = driveUntil(t, c, x -> x.status().state() == TaskState.RUNNING);
        assertEquals(HealthState.STARTING, TaskStep.step(running, c, Clock.systemUTC()).status().health());
        Task end = driveUntil(running, c, x -> x.status().state().isTerminal());
        assertEquals(TaskState.FAILED, end.status().state());
        assertEquals(HealthState.UNHEALTHY, end.status().health());
        assertEquals("unhealthy: health check failed 2 times in a row: exit 1: probe-says-no", end.status().error());
        assertTrue(fx.runtime.exitStatus(t.id()).isPresent(), "the unhealthy container was not stopped");
        c.remove();
    }

    @Test
    void aContainerRemovedBehindTheTasksBackFailsItInsteadOfRunningForever() {
        Task t = Tasks.assigned(fx.id("vanish"), ContainerSpec.of("busybox", "sleep", "600"), Resources.NONE);
        ContainerController c = controller(t);
        Task running = driveUntil(t, c, x -> x.status().state() == TaskState.RUNNING);
        fx.runtime.remove(t.id());
        Task end = TaskStep.step(running, c, Clock.systemUTC());
        assertEquals(TaskState.FAILED, end.status().state());
        assertEquals("container " + t.id() + " no longer exists on this node", end.status().error());
    }
}
