package io.jswarm.manager.reaper;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jswarm.api.Meta;
import io.jswarm.api.service.Service;
import io.jswarm.api.service.ServiceMode;
import io.jswarm.api.service.ServiceSpec;
import io.jswarm.api.task.ContainerSpec;
import io.jswarm.api.task.RestartCondition;
import io.jswarm.api.task.RestartPolicy;
import io.jswarm.api.task.Task;
import io.jswarm.api.task.TaskSpec;
import io.jswarm.api.task.TaskState;
import io.jswarm.api.task.TaskStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReapingTest {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    static Task task(String id, int slot, String node, int minute, TaskState state, TaskState desired) {
        return new Task(id, Meta.created(1, T0.plusSeconds(60L * minute)), "s", slot, node, TaskSpec.of(ContainerSpec.of("busybox")),
                1, desired, TaskStatus.of(state, T0.plusSeconds(60L * minute), ""));
    }

    static Map<String, Service> service(Integer maxAttempts) {
        TaskSpec spec = new TaskSpec(ContainerSpec.of("busybox"), null,
                new RestartPolicy(RestartCondition.ANY, null, maxAttempts, null), null, null, 0);
        return Map.of("s", new Service("s", Meta.created(1, T0),
                new ServiceSpec("s", null, spec, new ServiceMode.Replicated(1), null, null, null), null));
    }

    private static List<String> ids(List<Task> ts) {
        return ts.stream().map(Task::id).toList();
    }

    @Test
    void keepsTheNewestFiveOfASlotAndNeverAStillRunningCopy() {
        List<Task> slot = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            slot.add(task("t" + i, 1, "n1", i, TaskState.FAILED, TaskState.SHUTDOWN));
        }
        slot.set(0, task("t0", 1, "n1", 0, TaskState.RUNNING, TaskState.SHUTDOWN)); // stale copy on a node
        slot.add(task("t7", 1, "n1", 7, TaskState.RUNNING, TaskState.RUNNING));
        assertEquals(List.of("t1", "t2"), ids(Reaping.victims(slot, service(null), Set.of("n1"), 5)));
        // Once its node has left the cluster, nothing can stop it any more: it goes too.
        assertEquals(List.of("t0", "t1", "t2"), ids(Reaping.victims(slot, service(null), Set.of(), 5)));
    }

    @Test
    void removeTasksGoOnceSettledWhateverTheCount() {
        List<Task> ts = List.of(task("a", 1, "n1", 0, TaskState.RUNNING, TaskState.REMOVE),
                task("b", 2, "n1", 0, TaskState.SHUTDOWN, TaskState.REMOVE),
                task("c", 3, null, 0, TaskState.PENDING, TaskState.REMOVE));
        assertEquals(List.of("b", "c"), ids(Reaping.victims(ts, service(null), Set.of("n1"), 5)));
    }

    @Test
    void keepsMaxAttemptsPlusOneWhenThePolicyCountsTheWholeHistory() {
        List<Task> slot = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            slot.add(task("t" + i, 1, "n1", i, TaskState.FAILED, TaskState.SHUTDOWN));
        }
        assertEquals(List.of("t0"), ids(Reaping.victims(slot, service(7), Set.of("n1"), 5)));
    }
}
