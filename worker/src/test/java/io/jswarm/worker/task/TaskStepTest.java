package io.jswarm.worker.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jswarm.api.task.ContainerSpec;
import io.jswarm.api.task.HealthState;
import io.jswarm.api.task.Resources;
import io.jswarm.api.task.Task;
import io.jswarm.api.task.TaskState;
import io.jswarm.testkit.FakeClock;
import io.jswarm.worker.runtime.ExitStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskStepTest {
    final FakeClock clock = new FakeClock();

    /** A controller that records calls and answers as told. */
    static final class ScriptedController implements Controller {
        final List<String> calls = new ArrayList<>();
        RuntimeException prepareError;
        RuntimeException startError;
        Observation observation = Observation.running(42L, HealthState.NONE, null);

        @Override public void prepare() { calls.add("prepare"); if (prepareError != null) throw prepareError; }
        @Override public void start() { calls.add("start"); if (startError != null) throw startError; }
        @Override public Observation observe() { calls.add("observe"); return observation; }
        @Override public void shutdown() { calls.add("shutdown"); }
        @Override public void terminate() { calls.add("terminate"); }
        @Override public void remove() { calls.add("remove"); }
    }

    Task task() {
        return Tasks.assigned("t1", ContainerSpec.of("busybox", "true"), Resources.NONE);
    }

    List<TaskState> drive(Task t, Controller c, int steps) {
        List<TaskState> states = new ArrayList<>();
        for (int i = 0; i < steps; i++) {
            t = TaskStep.step(t, c, clock);
            states.add(t.status().state());
        }
        return states;
    }

    @Test
    void oneStatePerStepUpToRunningThenCompleteOnExitZero() {
        ScriptedController c = new ScriptedController();
        Task t = task();
        List<TaskState> seen = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            t = TaskStep.step(t, c, clock);
            seen.add(t.status().state());
        }
        assertEquals(List.of(TaskState.ACCEPTED, TaskState.PREPARING, TaskState.READY, TaskState.STARTING,
                TaskState.RUNNING, TaskState.RUNNING), seen);
        assertEquals(List.of("prepare", "start", "observe"), c.calls);
        assertEquals(42, t.status().container().pid());
        c.observation = Observation.exited(new ExitStatus(0, false, Instant.EPOCH, false));
        t = TaskStep.step(t, c, clock);
        assertEquals(TaskState.COMPLETE, t.status().state());
        assertSame(t, TaskStep.step(t, c, clock), "a terminal task is never touched again");
    }

    @Test
    void prepareFailureRejectsWithTheControllersMessage() {
        ScriptedController c = new ScriptedController();
        c.prepareError = new ControllerException("image not found: nope");
        List<TaskState> states = drive(task(), c, 4);
        assertEquals(List.of(TaskState.ACCEPTED, TaskState.PREPARING, TaskState.REJECTED, TaskState.REJECTED), states);
    }

    @Test
    void startFailureAndNonZeroExitAndOomFail() {
        ScriptedController c = new ScriptedController();
        c.startError = new ControllerException("runc: exec: \"nope\": executable file not found in $PATH");
        Task t = task();
        for (int i = 0; i < 5; i++) {
            t = TaskStep.step(t, c, clock);
        }
        assertEquals(TaskState.FAILED, t.status().state());
        assertTrue(t.status().error().startsWith("runc: exec"), t.status().error());

        ScriptedController oom = new ScriptedController();
        oom.observation = Observation.exited(new ExitStatus(137, true, Instant.EPOCH, false));
        Task o = task();
        for (int i = 0; i < 6; i++) {
            o = TaskStep.step(o, oom, clock);
        }
        assertEquals(TaskState.FAILED, o.status().state());
        assertEquals(137, o.status().container().exitCode());
        assertTrue(o.status().error().startsWith("OOM killed"), o.status().error());
    }

    @Test
    void unhealthyContainerIsStoppedAndItsTaskFailsWithTheReason() {
        ScriptedController c = new ScriptedController();
        c.observation = Observation.running(42L, HealthState.UNHEALTHY, "health check failed 3 times in a row: exit 1");
        Task t = task();
        for (int i = 0; i < 6; i++) {
            t = TaskStep.step(t, c, clock);
        }
        assertEquals(TaskState.FAILED, t.status().state());
        assertEquals(HealthState.UNHEALTHY, t.status().health());
        assertEquals("unhealthy: health check failed 3 times in a row: exit 1", t.status().error());
        assertEquals("shutdown", c.calls.get(c.calls.size() - 1));
    }

    @Test
    void desiredShutdownStopsFromAnyNonTerminalState() {
        ScriptedController c = new ScriptedController();
        Task t = task();
        for (int i = 0; i < 5; i++) {
            t = TaskStep.step(t, c, clock);
        }
        assertEquals(TaskState.RUNNING, t.status().state());
        t = t.withDesiredState(TaskState.SHUTDOWN);
        assertEquals(TaskStep.Action.SHUTDOWN, TaskStep.plan(t));
        t = TaskStep.step(t, c, clock);
        assertEquals(TaskState.SHUTDOWN, t.status().state());
        assertEquals(TaskStep.Action.NONE, TaskStep.plan(t));
    }

    @Test
    void readyWaitsWhileDesiredStateIsOnlyReady() {
        ScriptedController c = new ScriptedController();
        Task t = task();
        t = new Task(t.id(), t.meta(), t.serviceId(), t.slot(), t.nodeId(), t.spec(), t.serviceVersion(), TaskState.READY, t.status());
        for (int i = 0; i < 5; i++) {
            t = TaskStep.step(t, c, clock);
        }
        assertEquals(TaskState.READY, t.status().state());
        assertEquals(List.of("prepare"), c.calls);
    }
}
