package io.jswarm.scheduler.reconcile;

import static io.jswarm.scheduler.Fixtures.T0;
import static io.jswarm.scheduler.Fixtures.node;
import static io.jswarm.scheduler.Fixtures.replicated;
import static io.jswarm.scheduler.Fixtures.running;
import static io.jswarm.scheduler.Fixtures.service;
import static io.jswarm.scheduler.reconcile.ReconcileHarness.apply;
import static io.jswarm.scheduler.reconcile.ReconcileHarness.ids;
import static io.jswarm.scheduler.reconcile.ReconcileHarness.slots;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jswarm.api.Meta;
import io.jswarm.api.node.Node;
import io.jswarm.api.service.Service;
import io.jswarm.api.service.ServiceMode;
import io.jswarm.api.service.ServiceSpec;
import io.jswarm.api.service.UpdateConfig;
import io.jswarm.api.task.ContainerSpec;
import io.jswarm.api.task.Task;
import io.jswarm.api.task.TaskSpec;
import io.jswarm.api.task.TaskState;
import io.jswarm.api.task.TaskStatus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A changed task template replaces running tasks, a batch of {@code parallelism} at a time. */
class RolloutTest {
    private final ReconcileHarness h = new ReconcileHarness();
    private final List<Node> nodes = List.of(node("n1"), node("n2"), node("n3"));

    private static Service updated(Service old, TaskSpec task, int parallelism) {
        ServiceSpec s = old.spec();
        UpdateConfig u = UpdateConfig.DEFAULT;
        UpdateConfig config = new UpdateConfig(parallelism, u.delay(), u.failureAction(), u.monitor(), u.maxFailureRatio(), u.order());
        return new Service(old.id(), old.meta().updated(old.version() + 10, T0), new ServiceSpec(s.name(), s.labels(), task, s.mode(),
                config, s.rollback(), s.endpoint()), s);
    }

    private static List<Task> markRunning(List<Task> tasks) {
        List<Task> out = new ArrayList<>();
        for (Task t : tasks) {
            boolean fresh = t.status().state() == TaskState.NEW && t.desiredState() == TaskState.RUNNING;
            out.add(fresh ? new Task(t.id(), t.meta(), t.serviceId(), t.slot(), "n1", t.spec(), t.serviceVersion(), t.desiredState(),
                    TaskStatus.of(TaskState.RUNNING, T0.plusSeconds(5), "running")) : t);
        }
        return out;
    }

    @Test
    void oneSlotAtATimeWithTheDefaultParallelism() {
        Service v1 = replicated("web", 3);
        List<Task> tasks = List.of(running("t1", v1, 1, "n1"), running("t2", v1, 2, "n2"), running("t3", v1, 3, "n3"));
        Service v2 = updated(v1, TaskSpec.of(ContainerSpec.of("busybox:2")), 1);

        ReconcileResult first = h.reconcile(v2, tasks, nodes, T0);
        assertEquals(List.of("t1"), ids(first.shutdown()), "the lowest slot first");
        assertEquals(List.of(1), slots(first.create()));
        assertEquals(v2.spec().task(), first.create().get(0).spec(), "the replacement runs the new template");

        List<Task> afterFirst = apply(tasks, first);
        assertTrue(h.reconcile(v2, afterFirst, nodes, T0).isEmpty(), "nothing more while the new task is not running yet");

        List<Task> state = markRunning(afterFirst);
        for (int slot = 2; slot <= 3; slot++) {
            ReconcileResult next = h.reconcile(v2, state, nodes, T0);
            assertEquals(List.of(slot), slots(next.create()), "slot " + slot + " follows once the previous one runs");
            state = markRunning(apply(state, next));
        }
        assertTrue(h.reconcile(v2, state, nodes, T0).isEmpty(), "every slot runs the new template: done");
    }

    @Test
    void parallelismZeroReplacesEverySlotAtOnce() {
        Service v1 = replicated("web", 3);
        List<Task> tasks = List.of(running("t1", v1, 1, "n1"), running("t2", v1, 2, "n2"), running("t3", v1, 3, "n3"));
        ReconcileResult r = h.reconcile(updated(v1, TaskSpec.of(ContainerSpec.of("busybox:2")), 0), tasks, nodes, T0);
        assertEquals(List.of("t1", "t2", "t3"), ids(r.shutdown()));
        assertEquals(List.of(1, 2, 3), slots(r.create()));
    }

    @Test
    void anUnchangedTemplateReplacesNothingEvenWhenTheServiceVersionMoved() {
        Service v1 = replicated("web", 2);
        List<Task> tasks = List.of(running("t1", v1, 1, "n1"), running("t2", v1, 2, "n2"));
        Service relabelled = new Service(v1.id(), new Meta(v1.version() + 5, T0, T0), v1.spec(), v1.spec());
        assertTrue(h.reconcile(relabelled, tasks, nodes, T0).isEmpty());
    }

    @Test
    void aForceUpdateBumpRestartsGlobalTasksToo() {
        TaskSpec base = TaskSpec.of(ContainerSpec.of("busybox"));
        Service v1 = service("agent", new ServiceMode.Global(), base);
        List<Task> tasks = List.of(running("g1", v1, 0, "n1"), running("g2", v1, 0, "n2"), running("g3", v1, 0, "n3"));
        TaskSpec bumped = new TaskSpec(base.container(), base.resources(), base.restartPolicy(), base.placement(), base.networks(), 1);
        ReconcileResult r = h.reconcile(updated(v1, bumped, 2), tasks, nodes, T0);
        assertEquals(List.of("g1", "g2"), ids(r.shutdown()));
        assertEquals(List.of("n1", "n2"), ReconcileHarness.nodeIds(r.create()));
    }
}
