package io.jswarm.scheduler.reconcile;

import static io.jswarm.scheduler.Fixtures.at;
import static io.jswarm.scheduler.Fixtures.node;
import static io.jswarm.scheduler.Fixtures.service;
import static io.jswarm.scheduler.Fixtures.spec;
import static io.jswarm.scheduler.Fixtures.stopped;
import static io.jswarm.scheduler.Fixtures.task;
import static io.jswarm.scheduler.Fixtures.withAvailability;
import static io.jswarm.scheduler.Fixtures.withRestart;
import static io.jswarm.scheduler.Fixtures.withState;

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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Over random histories: reconciling what a reconcile produced changes nothing (so the
 * orchestrator may run it on every commit), and a replicated service ends with exactly
 * {@code replicas} distinct occupied slots.
 */
class ReconcileProperties {
    private static final List<String> NODE_IDS = List.of("n1", "n2", "n3", "n4");

    /** One generated task: slot, node index (-1: none), observed state, desired state, created (s). */
    record Spec(int slot, int node, TaskState state, TaskState desired, int created) {}

    @Provide
    Arbitrary<List<Spec>> histories() {
        return Combinators.combine(Arbitraries.integers().between(1, 12), Arbitraries.integers().between(-1, 3),
                Arbitraries.of(TaskState.PENDING, TaskState.ASSIGNED, TaskState.RUNNING, TaskState.FAILED,
                        TaskState.COMPLETE, TaskState.REJECTED),
                Arbitraries.of(TaskState.RUNNING, TaskState.RUNNING, TaskState.SHUTDOWN),
                Arbitraries.integers().between(0, 100))
                .as(Spec::new).list().ofMaxSize(25);
    }

    @Provide
    Arbitrary<List<Node>> clusters() {
        return Combinators.combine(Arbitraries.of(NodeState.READY, NodeState.READY, NodeState.DOWN, NodeState.DISCONNECTED),
                Arbitraries.of(Availability.ACTIVE, Availability.ACTIVE, Availability.PAUSE, Availability.DRAIN))
                .as((s, a) -> new Object[] {s, a}).list().ofSize(NODE_IDS.size())
                .map(flags -> {
                    List<Node> nodes = new ArrayList<>();
                    for (int i = 0; i < NODE_IDS.size(); i++) {
                        nodes.add(withAvailability(withState(node(NODE_IDS.get(i)), (NodeState) flags.get(i)[0]),
                                (Availability) flags.get(i)[1]));
                    }
                    return nodes;
                });
    }

    @Provide
    Arbitrary<RestartPolicy> policies() {
        return Combinators.combine(Arbitraries.of(RestartCondition.values()), Arbitraries.integers().between(0, 20),
                Arbitraries.integers().between(0, 3), Arbitraries.of(0, 30, 300))
                .as((c, d, m, w) -> new RestartPolicy(c, Duration.ofSeconds(d), m, w == 0 ? null : Duration.ofSeconds(w)));
    }

    private static List<Task> tasks(Service s, List<Spec> specs, boolean global) {
        List<Task> tasks = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            Spec g = specs.get(i);
            String nodeId = g.node() < 0 ? (global ? NODE_IDS.get(0) : null) : NODE_IDS.get(g.node());
            int slot = global ? 0 : g.slot();
            Task t = g.state().isTerminal()
                    ? stopped("t" + i, s, slot, nodeId, g.state(), at(g.created()), at(g.created() + 1))
                    : task("t" + i, s, slot, nodeId, g.state(), TaskState.RUNNING, at(g.created()));
            tasks.add(g.desired() == TaskState.RUNNING ? t : t.withDesiredState(g.desired()));
        }
        return tasks;
    }

    @Property(tries = 400)
    boolean replicatedReconcileIsIdempotentAndFillsExactlyTheSlots(@ForAll("histories") List<Spec> history,
            @ForAll("clusters") List<Node> nodes, @ForAll("policies") RestartPolicy policy,
            @ForAll @IntRange(min = 0, max = 8) int replicas, @ForAll @IntRange(min = 102, max = 400) int now) {
        Service s = service("web", new ServiceMode.Replicated(replicas), withRestart(spec(), policy));
        ReconcileHarness h = new ReconcileHarness();
        List<Task> before = tasks(s, history, false);
        List<Task> after = ReconcileHarness.apply(before, h.reconcile(s, before, nodes, at(now)));
        Set<Integer> occupied = new HashSet<>();
        for (Task t : after) {
            if (t.desiredState().ordinal() <= TaskState.RUNNING.ordinal() && !occupied.add(t.slot())) {
                return false; // two tasks wanted running in one slot
            }
        }
        return occupied.size() == replicas && h.reconcile(s, after, nodes, at(now)).isEmpty();
    }

    @Property(tries = 300)
    boolean globalReconcileIsIdempotentAndLeavesOneTaskPerNode(@ForAll("histories") List<Spec> history,
            @ForAll("clusters") List<Node> nodes, @ForAll("policies") RestartPolicy policy,
            @ForAll boolean job, @ForAll @IntRange(min = 102, max = 400) int now) {
        Service s = service("g", job ? new ServiceMode.GlobalJob() : new ServiceMode.Global(), withRestart(spec(), policy));
        ReconcileHarness h = new ReconcileHarness();
        List<Task> before = tasks(s, history, true);
        List<Task> after = ReconcileHarness.apply(before, h.reconcile(s, before, nodes, at(now)));
        Set<String> wanted = new HashSet<>();
        for (Task t : after) {
            if (t.desiredState().ordinal() <= TaskState.RUNNING.ordinal() && !wanted.add(t.nodeId())) {
                return false;
            }
        }
        return h.reconcile(s, after, nodes, at(now)).isEmpty();
    }

    @Property(tries = 300)
    boolean replicatedJobNeverExceedsConcurrencyOrCompletions(@ForAll("histories") List<Spec> history,
            @ForAll("policies") RestartPolicy policy, @ForAll @IntRange(min = 1, max = 4) int maxConcurrent,
            @ForAll @IntRange(min = 1, max = 10) int total, @ForAll @IntRange(min = 102, max = 400) int now) {
        Service s = service("j", new ServiceMode.ReplicatedJob(maxConcurrent, total), withRestart(spec(), policy));
        List<Node> nodes = NODE_IDS.stream().map(id -> node(id)).toList();
        ReconcileHarness h = new ReconcileHarness();
        List<Task> before = tasks(s, history, false);
        ReconcileResult r = h.reconcile(s, before, nodes, at(now));
        List<Task> after = ReconcileHarness.apply(before, r);
        long activeBefore = before.stream().filter(t -> t.desiredState() == TaskState.RUNNING && !t.status().state().isTerminal()).count();
        long activeAfter = after.stream().filter(t -> t.desiredState() == TaskState.RUNNING && !t.status().state().isTerminal()).count();
        // creating never pushes the job over its concurrency (unless it already was, then it creates nothing new)
        boolean concurrency = r.create().isEmpty() || activeAfter <= Math.max(maxConcurrent, activeBefore);
        return concurrency && h.reconcile(s, after, nodes, at(now)).create().isEmpty();
    }
}
