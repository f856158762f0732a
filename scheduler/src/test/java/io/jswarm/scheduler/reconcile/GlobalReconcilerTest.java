package io.jswarm.scheduler.reconcile;

import static io.jswarm.scheduler.Fixtures.T0;
import static io.jswarm.scheduler.Fixtures.at;
import static io.jswarm.scheduler.Fixtures.node;
import static io.jswarm.scheduler.Fixtures.running;
import static io.jswarm.scheduler.Fixtures.service;
import static io.jswarm.scheduler.Fixtures.spec;
import static io.jswarm.scheduler.Fixtures.stopped;
import static io.jswarm.scheduler.Fixtures.withAvailability;
import static io.jswarm.scheduler.Fixtures.withConstraints;
import static io.jswarm.scheduler.Fixtures.withLabels;
import static io.jswarm.scheduler.Fixtures.withRestart;
import static io.jswarm.scheduler.Fixtures.withState;
import static io.jswarm.scheduler.reconcile.ReconcileHarness.apply;
import static io.jswarm.scheduler.reconcile.ReconcileHarness.ids;
import static io.jswarm.scheduler.reconcile.ReconcileHarness.nodeIds;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GlobalReconcilerTest {
    private final ReconcileHarness h = new ReconcileHarness();

    private static final Service GLOBAL = service("g", new ServiceMode.Global(),
            withRestart(withConstraints(spec(), "node.labels.gpu!=no"),
                    new RestartPolicy(RestartCondition.ANY, Duration.ofSeconds(5), null, null)));

    /** n1 active, n2 paused, n3 drained, n4 down, n5 refuses by label, n6 disconnected. */
    private static final List<Node> CLUSTER = List.of(node("n1"),
            withAvailability(node("n2"), Availability.PAUSE),
            withAvailability(node("n3"), Availability.DRAIN),
            withState(node("n4"), NodeState.DOWN),
            withLabels(node("n5"), Map.of("gpu", "no")),
            withState(node("n6"), NodeState.DISCONNECTED));

    @Test
    void createsOneTaskPerNodeThatMayTakeNewTasks() {
        ReconcileResult r = h.reconcile(GLOBAL, List.of(), CLUSTER, T0);
        assertEquals(List.of("n1"), nodeIds(r.create()));
        assertEquals(0, r.create().get(0).slot());
        assertTrue(h.reconcile(GLOBAL, apply(List.of(), r), CLUSTER, T0).isEmpty());
    }

    @Test
    void shutsDownTasksOnNodesThatLeftDrainedWentDownOrStoppedMatching() {
        List<Task> tasks = new ArrayList<>();
        for (String n : List.of("n1", "n2", "n3", "n4", "n5", "n6", "gone")) {
            tasks.add(running("t-" + n, GLOBAL, 0, n));
        }
        ReconcileResult r = h.reconcile(GLOBAL, tasks, CLUSTER, T0);
        assertEquals(List.of("t-gone", "t-n3", "t-n4", "t-n5"), ids(r.shutdown()));
        assertTrue(r.create().isEmpty(), "paused n2 and disconnected n6 keep their tasks, get none new");
        assertTrue(h.reconcile(GLOBAL, apply(tasks, r), CLUSTER, T0).isEmpty());
    }

    @Test
    void followsANodeJoiningAndComingBack() {
        List<Task> tasks = List.of(running("t1", GLOBAL, 0, "n1"));
        List<Node> grown = new ArrayList<>(CLUSTER);
        grown.add(node("n7"));
        assertEquals(List.of("n7"), nodeIds(h.reconcile(GLOBAL, tasks, grown, T0).create()));
        List<Node> back = List.of(node("n1"), node("n4"));
        assertEquals(List.of("n4"), nodeIds(h.reconcile(GLOBAL, tasks, back, T0).create()));
    }

    @Test
    void restartsAFailedTaskOnItsNodeButNotOnAPausedOne() {
        List<Task> tasks = List.of(stopped("t1", GLOBAL, 0, "n1", TaskState.FAILED, T0, at(10)),
                stopped("t2", GLOBAL, 0, "n2", TaskState.FAILED, T0, at(10)));
        ReconcileResult early = h.reconcile(GLOBAL, tasks, CLUSTER, at(12));
        assertTrue(early.isEmpty());
        assertEquals(at(15), early.nextCheck());
        ReconcileResult due = h.reconcile(GLOBAL, tasks, CLUSTER, at(20));
        assertEquals(List.of("t1"), ids(due.shutdown()));
        assertEquals(List.of("n1"), nodeIds(due.create()));
    }

    @Test
    void aGlobalJobRunsOncePerNode() {
        Service job = service("j", new ServiceMode.GlobalJob(),
                withRestart(spec(), new RestartPolicy(RestartCondition.ANY, Duration.ZERO, null, null)));
        List<Node> nodes = List.of(node("n1"), node("n2"), node("n3"), node("n4"));
        List<Task> tasks = List.of(
                stopped("t1", job, 0, "n1", TaskState.COMPLETE, T0, at(1)), // done: even "any" does not rerun it
                stopped("t2", job, 0, "n2", TaskState.FAILED, T0, at(1)), // failed: restarted
                running("t3", job, 0, "n3"));
        ReconcileResult r = h.reconcile(job, tasks, nodes, at(5));
        assertEquals(List.of("t2"), ids(r.shutdown()));
        assertEquals(List.of("n2", "n4"), nodeIds(r.create()));
        assertTrue(h.reconcile(job, apply(tasks, r), nodes, at(5)).isEmpty());
    }

    @Test
    void aGlobalJobNodeStaysDoneAfterItsCompletedTaskIsShutDown() {
        Service job = service("j", new ServiceMode.GlobalJob(), spec());
        List<Task> tasks = List.of(stopped("t1", job, 0, "n1", TaskState.COMPLETE, T0, at(1)).withDesiredState(TaskState.SHUTDOWN));
        assertTrue(h.reconcile(job, tasks, List.of(node("n1")), at(5)).isEmpty());
    }
}
