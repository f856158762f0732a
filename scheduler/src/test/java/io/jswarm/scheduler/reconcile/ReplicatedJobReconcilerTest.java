package io.jswarm.scheduler.reconcile;

import static io.jswarm.scheduler.Fixtures.T0;
import static io.jswarm.scheduler.Fixtures.at;
import static io.jswarm.scheduler.Fixtures.node;
import static io.jswarm.scheduler.Fixtures.running;
import static io.jswarm.scheduler.Fixtures.service;
import static io.jswarm.scheduler.Fixtures.spec;
import static io.jswarm.scheduler.Fixtures.stopped;
import static io.jswarm.scheduler.Fixtures.withRestart;
import static io.jswarm.scheduler.reconcile.ReconcileHarness.apply;
import static io.jswarm.scheduler.reconcile.ReconcileHarness.ids;
import static io.jswarm.scheduler.reconcile.ReconcileHarness.slots;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jswarm.api.node.Node;
import io.jswarm.api.service.Service;
import io.jswarm.api.service.ServiceMode;
import io.jswarm.api.task.RestartCondition;
import io.jswarm.api.task.RestartPolicy;
import io.jswarm.api.task.Task;
import io.jswarm.api.task.TaskState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ReplicatedJobReconcilerTest {
    private final ReconcileHarness h = new ReconcileHarness();
    private final List<Node> nodes = List.of(node("n1"), node("n2"));

    private static Service job(int maxConcurrent, int total, RestartCondition c) {
        return service("job", new ServiceMode.ReplicatedJob(maxConcurrent, total),
                withRestart(spec(), new RestartPolicy(c, Duration.ZERO, null, null)));
    }

    private static Task done(Service s, int slot) {
        return stopped("done" + slot, s, slot, "n1", TaskState.COMPLETE, T0, at(1));
    }

    static Stream<Arguments> table() {
        Service s = job(2, 5, RestartCondition.ON_FAILURE);
        return Stream.of(
                // name, service, tasks, slots created
                Arguments.of("starts max concurrent", s, List.of(), List.of(1, 2)),
                Arguments.of("max concurrent 0 means all at once", job(0, 3, RestartCondition.ON_FAILURE), List.of(),
                        List.of(1, 2, 3)),
                Arguments.of("one done, one running: one more", s, List.of(done(s, 1), running("r2", s, 2, "n1")), List.of(3)),
                Arguments.of("never more than the completions left", s,
                        List.of(done(s, 1), done(s, 2), done(s, 3), done(s, 4), running("r5", s, 5, "n1")), List.of()),
                Arguments.of("all completed: nothing", s,
                        List.of(done(s, 1), done(s, 2), done(s, 3), done(s, 4), done(s, 5)), List.of()),
                Arguments.of("a completed job task is never rerun, even under restart any",
                        job(5, 1, RestartCondition.ANY), List.of(done(job(5, 1, RestartCondition.ANY), 1)), List.of()),
                Arguments.of("a given-up slot is not replaced by another", job(2, 2, RestartCondition.NONE),
                        List.of(stopped("f1", job(2, 2, RestartCondition.NONE), 1, "n1", TaskState.FAILED, T0, at(1)),
                                running("r2", job(2, 2, RestartCondition.NONE), 2, "n1")), List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void keepsConcurrencyAndCountsCompletions(String name, Service s, List<Task> tasks, List<Integer> created) {
        ReconcileResult r = h.reconcile(s, tasks, nodes, at(10));
        assertEquals(created, slots(r.create()), name);
        assertTrue(h.reconcile(s, apply(tasks, r), nodes, at(10)).create().isEmpty(), name + ": idempotent");
    }

    @Test
    void aFailedTaskIsRetriedInItsOwnSlot() {
        Service s = job(2, 3, RestartCondition.ON_FAILURE);
        List<Task> tasks = List.of(stopped("f1", s, 1, "n1", TaskState.FAILED, T0, at(1)), running("r2", s, 2, "n2"));
        ReconcileResult r = h.reconcile(s, tasks, nodes, at(10));
        assertEquals(List.of("f1"), ids(r.shutdown()));
        assertEquals(List.of(1), slots(r.create()));
    }

    @Test
    void runsToCompletion() {
        Service s = job(2, 5, RestartCondition.ON_FAILURE);
        List<Task> tasks = new ArrayList<>();
        for (int round = 0; round < 10; round++) {
            ReconcileResult r = h.reconcile(s, tasks, nodes, at(10 + round));
            tasks = apply(tasks, r);
            // every task created this round exits 0
            tasks = tasks.stream().map(t -> t.status().state() == TaskState.NEW
                    ? stopped(t.id(), s, t.slot(), "n1", TaskState.COMPLETE, t.meta().createdAt(), at(11)) : t).toList();
            assertTrue(tasks.stream().filter(t -> !t.status().state().isTerminal()).count() <= 2, "max concurrent");
        }
        assertEquals(5, tasks.stream().filter(t -> t.status().state() == TaskState.COMPLETE).count());
        assertEquals(List.of(1, 2, 3, 4, 5), slots(tasks));
    }
}
