package io.jswarm.manager.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jswarm.api.Meta;
import io.jswarm.api.service.Service;
import io.jswarm.api.service.ServiceMode;
import io.jswarm.api.service.ServiceSpec;
import io.jswarm.api.task.ContainerSpec;
import io.jswarm.api.task.ContainerStatus;
import io.jswarm.api.task.HealthState;
import io.jswarm.api.task.Task;
import io.jswarm.api.task.TaskSpec;
import io.jswarm.api.task.TaskState;
import io.jswarm.api.task.TaskStatus;
import io.jswarm.compose.model.Dependency.Condition;
import io.jswarm.manager.api.ServiceWire.ServiceView;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The depends_on conditions, pure: every wanted task counts, and the message says what was seen. */
class ReadinessTest {
    private static ServiceView view(ServiceMode mode, int desired) {
        Service s = new Service("s1", Meta.created(1, Instant.EPOCH), new ServiceSpec("db", Map.of(),
                TaskSpec.of(ContainerSpec.of("busybox")), mode, null, null, null), null);
        return new ServiceView(s, 0, desired);
    }

    private static Task task(int slot, TaskState state, HealthState health, Integer exit, String error) {
        return new Task("t" + slot, null, "s1", slot, "n1", TaskSpec.of(ContainerSpec.of("busybox")), 1, TaskState.RUNNING,
                new TaskStatus(state, Instant.EPOCH.plusSeconds(slot), "", error,
                        exit == null ? null : new ContainerStatus("c", 1, exit), health));
    }

    @Test
    void healthyNeedsEveryWantedTaskHealthy() {
        ServiceView two = view(new ServiceMode.Replicated(2), 2);
        Readiness.Verdict one = Readiness.check(Condition.SERVICE_HEALTHY, two,
                List.of(task(1, TaskState.RUNNING, HealthState.HEALTHY, null, null),
                        task(2, TaskState.RUNNING, HealthState.UNHEALTHY, null, null)));
        assertFalse(one.met());
        assertEquals("1 of 2 tasks healthy (2 running); task t2 (slot 2): running, health unhealthy", one.seen());
        assertTrue(Readiness.check(Condition.SERVICE_HEALTHY, two, List.of(task(1, TaskState.RUNNING, HealthState.HEALTHY, null, null),
                task(2, TaskState.RUNNING, HealthState.HEALTHY, null, null))).met());
        assertTrue(Readiness.check(Condition.SERVICE_STARTED, two, List.of(task(1, TaskState.RUNNING, null, null, null),
                task(2, TaskState.RUNNING, null, null, null))).met());
        assertFalse(Readiness.check(Condition.SERVICE_STARTED, two, List.of(task(1, TaskState.RUNNING, null, null, null))).met());
    }

    @Test
    void completedNeedsEveryCompletionOfAJobToExitZero() {
        ServiceView job = view(new ServiceMode.ReplicatedJob(3, 3), 3);
        List<Task> twoDoneOneFailed = List.of(task(1, TaskState.COMPLETE, null, 0, null), task(2, TaskState.COMPLETE, null, 0, null),
                task(3, TaskState.FAILED, null, 1, "task: non-zero exit (1)"));
        Readiness.Verdict v = Readiness.check(Condition.SERVICE_COMPLETED_SUCCESSFULLY, job, twoDoneOneFailed);
        assertFalse(v.met());
        assertEquals("2 of 3 tasks completed; task t3 (slot 3): failed: task: non-zero exit (1)", v.seen());
        assertTrue(Readiness.check(Condition.SERVICE_COMPLETED_SUCCESSFULLY, job, List.of(task(1, TaskState.COMPLETE, null, 0, null),
                task(2, TaskState.COMPLETE, null, 0, null), task(3, TaskState.COMPLETE, null, 0, null))).met());
        assertTrue(Readiness.check(Condition.SERVICE_STARTED, job, List.of(task(1, TaskState.COMPLETE, null, 0, null),
                task(2, TaskState.RUNNING, null, null, null), task(3, TaskState.RUNNING, null, null, null))).met(),
                "a job has started once its tasks run or ran");
    }

    @Test
    void aServiceThatWantsNoTasksIsReadyAtOnce() {
        assertTrue(Readiness.check(Condition.SERVICE_HEALTHY, view(new ServiceMode.Replicated(0), 0), List.of()).met());
    }
}
