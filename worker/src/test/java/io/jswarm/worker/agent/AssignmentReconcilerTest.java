package io.jswarm.worker.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jswarm.api.task.ContainerSpec;
import io.jswarm.api.task.Task;
import io.jswarm.api.task.TaskState;
import io.jswarm.worker.task.TestTasks;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AssignmentReconcilerTest {
    private static Task task(String id) {
        return TestTasks.assigned(id, ContainerSpec.of("busybox"));
    }

    private static List<String> ids(List<Task> tasks) {
        return tasks.stream().map(Task::id).toList();
    }

    @Test
    void afterARestartAssignedContainersAreAdoptedAndOnlyTheRestStarted() {
        var plan = AssignmentReconciler.reconcile(List.of(task("a"), task("b")), Map.of(), Set.of("a"));
        assertEquals(List.of("a"), ids(plan.adopt()));
        assertEquals(List.of("b"), ids(plan.start()));
        assertTrue(plan.release().isEmpty());
        assertTrue(plan.removeContainers().isEmpty());
    }

    @Test
    void whatIsNoLongerAssignedIsReleasedOrRemoved() {
        Task a = task("a");
        var plan = AssignmentReconciler.reconcile(List.of(a), Map.of("a", a, "b", task("b")), Set.of("a", "b", "orphan"));
        assertEquals(List.of("b"), plan.release(), "tracked but unassigned: the controller stops and removes it");
        assertEquals(List.of("orphan"), plan.removeContainers(), "untracked container of no assigned task");
        assertTrue(plan.adopt().isEmpty() && plan.start().isEmpty(), "tracked tasks are never taken on twice");
    }

    @Test
    void trackedTasksKeepTheWorkersStatusAndTakeARaisedDesiredState() {
        Task ours = task("a").withStatus(io.jswarm.api.task.TaskStatus.of(TaskState.RUNNING, java.time.Instant.EPOCH, "started"));
        Task theirs = task("a").withDesiredState(TaskState.SHUTDOWN); // managers still think it is ASSIGNED
        var plan = AssignmentReconciler.reconcile(List.of(theirs), Map.of("a", ours), Set.of("a"));
        assertEquals(1, plan.raise().size());
        assertEquals(TaskState.RUNNING, plan.raise().get(0).status().state());
        assertEquals(TaskState.SHUTDOWN, plan.raise().get(0).desiredState());
    }

    @Test
    void aLowerDesiredStateFromALaggingManagerChangesNothing() {
        Task ours = task("a").withDesiredState(TaskState.SHUTDOWN);
        var plan = AssignmentReconciler.reconcile(List.of(task("a")), Map.of("a", ours), Set.of());
        assertTrue(plan.isEmpty(), plan.toString());
    }

    @Test
    void anEmptyFullSetRemovesEverything() {
        var plan = AssignmentReconciler.reconcile(List.of(), Map.of("a", task("a")), Set.of("a", "c"));
        assertEquals(List.of("a"), plan.release());
        assertEquals(List.of("c"), plan.removeContainers());
    }
}
