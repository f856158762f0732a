package io.jswarm.scheduler.reconcile;

import static io.jswarm.scheduler.Fixtures.T0;
import static io.jswarm.scheduler.Fixtures.at;
import static io.jswarm.scheduler.Fixtures.node;
import static io.jswarm.scheduler.Fixtures.replicated;
import static io.jswarm.scheduler.Fixtures.running;
import static io.jswarm.scheduler.Fixtures.service;
import static io.jswarm.scheduler.Fixtures.spec;
import static io.jswarm.scheduler.Fixtures.stopped;
import static io.jswarm.scheduler.Fixtures.task;
import static io.jswarm.scheduler.Fixtures.withAvailability;
import static io.jswarm.scheduler.Fixtures.withConstraints;
import static io.jswarm.scheduler.Fixtures.withLabels;
import static io.jswarm.scheduler.Fixtures.withRestart;
import static io.jswarm.scheduler.Fixtures.withState;
import static io.jswarm.scheduler.reconcile.ReconcileHarness.apply;
import static io.jswarm.scheduler.reconcile.ReconcileHarness.ids;
import static io.jswarm.scheduler.reconcile.ReconcileHarness.slots;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jswarm.api.node.Availability;
import io.jswarm.api.node.Node;
import io.jswarm.api.node.NodeState;
import io.jswarm.api.service.Service;
import io.jswarm.api.service.ServiceMode;
import io.jswarm.api.task.RestartCondition;
import io.jswarm.api.task.RestartPolicy;
import io.jswarm.api.task.Task;
import io.jswarm.api.task.TaskState;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class ReplicatedReconcilerTest {
    private final ReconcileHarness h = new ReconcileHarness();
    private final List<Node> nodes = List.of(node("n1"), node("n2"), node("n3"));

    @Test
    void createsSlotsOneToN() {
        Service web = replicated("web", 3);
        ReconcileResult r = h.reconcile(web, List.of(), nodes, T0);
        assertEquals(List.of(1, 2, 3), slots(r.create()));
        assertEquals(List.of("new-1", "new-2", "new-3"), ids(r.create()));
        for (Task t : r.create()) {
            assertEquals(TaskState.NEW, t.status().state());
            assertEquals(TaskState.RUNNING, t.desiredState());
            assertEquals("web", t.serviceId());
            assertEquals(web.version(), t.serviceVersion());
            assertEquals(web.spec().task(), t.spec());
            assertNull(t.nodeId());
        }
        assertTrue(r.shutdown().isEmpty() && r.remove().isEmpty());
        assertTrue(h.reconcile(web, apply(List.of(), r), nodes, T0).isEmpty(), "reconciling the result changes nothing");
    }

    @Test
    void scaleDownRemovesTasksNotRunningFirstThenHighestSlots() {
        Service web = replicated("web", 3);
        List<Task> tasks = List.of(running("t1", web, 1, "n1"),
                task("t2", web, 2, null, TaskState.PENDING, TaskState.RUNNING, T0),
                running("t3", web, 3, "n2"), running("t4", web, 4, "n3"), running("t5", web, 5, "n1"));
        ReconcileResult r = h.reconcile(web, tasks, nodes, T0);
        assertEquals(List.of("t2", "t5"), ids(r.remove()));
        r.remove().forEach(t -> assertEquals(TaskState.REMOVE, t.desiredState()));
        assertTrue(r.create().isEmpty() && r.shutdown().isEmpty());
        assertTrue(h.reconcile(web, apply(tasks, r), nodes, T0).isEmpty());
    }

    @Test
    void scaleUpFillsTheLowestFreeSlots() {
        Service web = replicated("web", 4);
        ReconcileResult r = h.reconcile(web, List.of(running("t1", web, 1, "n1"), running("t3", web, 3, "n2")), nodes, T0);
        assertEquals(List.of(2, 4), slots(r.create()));
    }

    static Stream<Arguments> lostNodes() {
        Node n1 = withLabels(node("n1"), Map.of("zone", "eu"));
        return Stream.of(
                Arguments.of("node down", List.of(withState(n1, NodeState.DOWN)), true),
                Arguments.of("node drained", List.of(withAvailability(n1, Availability.DRAIN)), true),
                Arguments.of("node left the cluster", List.of(), true),
                Arguments.of("node no longer meets the constraint", List.of(withLabels(n1, Map.of("zone", "us"))), true),
                Arguments.of("node disconnected (not yet down) keeps it", List.of(withState(n1, NodeState.DISCONNECTED)), false),
                Arguments.of("node paused keeps it", List.of(withAvailability(n1, Availability.PAUSE)), false),
                Arguments.of("node fine", List.of(n1), false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lostNodes")
    void aTaskOnALostNodeIsReplacedAtOnceInItsSlot(String name, List<Node> cluster, boolean replaced) {
        Service web = service("web", new ServiceMode.Replicated(1), withConstraints(
                withRestart(spec(), new RestartPolicy(RestartCondition.NONE, Duration.ofMinutes(1), 1, null)),
                "node.labels.zone==eu"));
        ReconcileResult r = h.reconcile(web, List.of(running("t1", web, 1, "n1")), cluster, at(1));
        if (replaced) {
            // no restart delay and even with restart condition none: the task did not fail, its node went away
            assertEquals(List.of("t1"), ids(r.shutdown()), name);
            assertEquals(TaskState.SHUTDOWN, r.shutdown().get(0).desiredState());
            assertEquals(List.of(1), slots(r.create()), name);
        } else {
            assertTrue(r.isEmpty(), name + ": " + r);
        }
    }

    @Test
    void aFailedTaskIsRestartedInItsSlotAfterTheDelay() {
        Service web = service("web", new ServiceMode.Replicated(2),
                withRestart(spec(), new RestartPolicy(RestartCondition.ON_FAILURE, Duration.ofSeconds(5), null, null)));
        List<Task> tasks = List.of(running("t1", web, 1, "n1"),
                stopped("t2", web, 2, "n2", TaskState.FAILED, T0, at(10)));
        ReconcileResult early = h.reconcile(web, tasks, nodes, at(12));
        assertTrue(early.isEmpty(), early.toString());
        assertEquals(at(15), early.nextCheck());
        ReconcileResult due = h.reconcile(web, tasks, nodes, at(15));
        assertEquals(List.of("t2"), ids(due.shutdown()));
        assertEquals(List.of(2), slots(due.create()));
        assertNull(due.nextCheck());
        assertTrue(h.reconcile(web, apply(tasks, due), nodes, at(15)).isEmpty());
    }

    @Test
    void aSlotThePolicyGivesUpOnStaysOccupied() {
        Service web = service("web", new ServiceMode.Replicated(1),
                withRestart(spec(), new RestartPolicy(RestartCondition.NONE, null, null, null)));
        List<Task> tasks = List.of(stopped("t1", web, 1, "n1", TaskState.FAILED, T0, at(1)));
        ReconcileResult r = h.reconcile(web, tasks, nodes, at(100));
        assertTrue(r.isEmpty(), "no new slot replaces a slot given up: " + r);
        assertEquals(Map.of("t1", "restart condition is none"), r.givenUp());
    }

    @Test
    void maxAttemptsStopsRestartsInTheSlot() {
        Service web = service("web", new ServiceMode.Replicated(1),
                withRestart(spec(), new RestartPolicy(RestartCondition.ANY, Duration.ZERO, 2, null)));
        List<Task> tasks = List.of(
                stopped("t1", web, 1, "n1", TaskState.FAILED, at(0), at(1)).withDesiredState(TaskState.SHUTDOWN),
                stopped("t2", web, 1, "n1", TaskState.FAILED, at(2), at(3)).withDesiredState(TaskState.SHUTDOWN),
                stopped("t3", web, 1, "n1", TaskState.FAILED, at(4), at(5)));
        ReconcileResult r = h.reconcile(web, tasks, nodes, at(10));
        assertTrue(r.isEmpty(), r.toString());
        assertTrue(r.givenUp().get("t3").contains("max attempts 2"), r.givenUp().toString());
    }

    @Test
    void olderDuplicatesInASlotAreShutDown() {
        Service web = replicated("web", 1);
        List<Task> tasks = List.of(task("old", web, 1, "n1", TaskState.RUNNING, TaskState.RUNNING, at(0)),
                task("new", web, 1, "n2", TaskState.RUNNING, TaskState.RUNNING, at(5)));
        ReconcileResult r = h.reconcile(web, tasks, nodes, at(10));
        assertEquals(List.of("old"), ids(r.shutdown()));
        assertTrue(r.create().isEmpty() && r.remove().isEmpty());
    }

    @Test
    void ignoresOtherServicesTasks() {
        Service web = replicated("web", 1);
        Service other = replicated("other", 1);
        ReconcileResult r = h.reconcile(web, List.of(running("o1", other, 1, "n1")), nodes, T0);
        assertEquals(List.of(1), slots(r.create()));
    }

    @Test
    void aBadConstraintIsAClearError() {
        Service web = service("web", new ServiceMode.Replicated(1), withConstraints(spec(), "node.labels.zone=eu"));
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> h.reconcile(web, List.of(), nodes, T0));
        assertTrue(e.getMessage().startsWith("constraint \"node.labels.zone=eu\""), e.getMessage());
    }
}
