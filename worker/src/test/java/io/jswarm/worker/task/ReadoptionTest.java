package io.jswarm.worker.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jswarm.api.task.Task;
import io.jswarm.api.task.TaskState;
import io.jswarm.testkit.Await;
import io.jswarm.worker.runtime.ContainerRequest;
import io.jswarm.worker.runtime.ContainerRuntime;
import io.jswarm.worker.runtime.RecoveredContainer;
import io.jswarm.worker.runtime.RootOnly;
import io.jswarm.worker.runtime.RuntimeConfig;
import io.jswarm.worker.runtime.RuntimeFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A worker agent (its own JVM) starts two containers and is killed with SIGKILL; a new runtime
 * over the same data dir finds both still running, reports them RUNNING through the normal step
 * function without starting a second copy, and stops them cleanly.
 */
class ReadoptionTest {
    static RuntimeFixture fx;
    static ScheduledExecutorService scheduler;
    static Process agent;

    static Task task(String id) {
        return Tasks.assigned(id, CrashingWorkerMain.spec(), CrashingWorkerMain.limits());
    }

    @BeforeAll
    static void setUp() throws Exception {
        RootOnly.assume();
        fx = new RuntimeFixture();
        scheduler = Executors.newSingleThreadScheduledExecutor();
    }

    @AfterAll
    static void tearDown() throws Exception {
        if (agent != null) {
            agent.destroyForcibly().waitFor();
        }
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        if (fx != null) {
            fx.close();
            assertEquals(List.of(), fx.leftovers());
        }
    }

    @Test
    void containersSurviveAWorkerCrashAndAreAdoptedNotDuplicated() throws Exception {
        List<String> ids = List.of(fx.id("a"), fx.id("b"));
        Path out = fx.dataDir.resolve("agent.out");
        List<String> argv = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx64m", "-cp", System.getProperty("java.class.path"), CrashingWorkerMain.class.getName(),
                fx.dataDir.toString(), fx.node, fx.busybox.layerDirs().get(0).toString()));
        argv.addAll(ids);
        agent = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        Await.until("the agent runs both containers", Duration.ofSeconds(30), () -> {
            if (!agent.isAlive()) {
                throw new IllegalStateException("agent died: " + Files.readString(out));
            }
            return Files.readString(out).contains("RUNNING");
        });
        List<Long> pidsBefore = new ArrayList<>();
        for (String id : ids) {
            pidsBefore.add(fx.runtime.pid(id).orElseThrow());
        }

        agent.destroyForcibly(); // kill -9 the worker agent
        agent.waitFor();

        // "Restart": a new runtime instance over the same state dir.
        ContainerRuntime restarted = ContainerRuntime.onThisHost(RuntimeConfig.of(fx.dataDir, fx.node, Clock.systemUTC()));
        List<RecoveredContainer> found = restarted.recover();
        assertEquals(2, found.size(), found.toString());
        for (RecoveredContainer rc : found) {
            assertEquals(RecoveredContainer.State.RUNNING, rc.state(), rc.toString());
            assertTrue(rc.supervised(), "the shim died with the agent: " + rc);
            assertTrue(rc.processes() >= 2, "expected tini and sleep in the cgroup: " + rc);
        }

        // The dispatcher sends the same assignments again; stepping them adopts, never duplicates.
        List<Task> tasks = new ArrayList<>();
        List<Controller> controllers = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            Task t = task(ids.get(i));
            Controller c = new ContainerController(t, restarted, null, ref -> fx.busybox, List.of(), scheduler, Clock.systemUTC());
            for (int step = 0; step < 6; step++) {
                t = TaskStep.step(t, c, Clock.systemUTC());
            }
            assertEquals(TaskState.RUNNING, t.status().state(), t.status().toString());
            assertNotNull(t.status().container().pid());
            assertEquals(pidsBefore.get(i).intValue(), t.status().container().pid().intValue(), "a second copy was started");
            tasks.add(t);
            controllers.add(c);
        }
        assertEquals(2, restarted.oci().list().size(), "runtime lists " + restarted.oci().list());
        assertThrows(IllegalStateException.class, () -> restarted.create(
                new ContainerRequest(ids.get(0), CrashingWorkerMain.spec(), null, fx.busybox, null)));

        for (int i = 0; i < ids.size(); i++) {
            Task stopped = TaskStep.step(tasks.get(i).withDesiredState(TaskState.SHUTDOWN), controllers.get(i), Clock.systemUTC());
            assertEquals(TaskState.SHUTDOWN, stopped.status().state());
            assertTrue(restarted.exitStatus(ids.get(i)).isPresent(), "the shim did not record the exit");
            controllers.get(i).remove();
        }
        assertEquals(List.of(), restarted.recover());
    }
}
