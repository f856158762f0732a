package io.jswarm.scheduler.reconcile;

import io.jswarm.api.node.Node;
import io.jswarm.api.service.Service;
import io.jswarm.api.task.Task;
import io.jswarm.api.task.TaskState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Replicated services: exactly {@code replicas} occupied slots. A slot is occupied while it has
 * a current task, even a stopped one the policy will not restart (otherwise "restart condition
 * none" would be undone by a new slot). Scale down removes the slots whose task is not running
 * first, then the highest slot numbers; scale up fills the lowest free numbers, so slots read
 * 1..n in the steady state.
 */
final class ReplicatedReconciler {
    private final TaskFactory factory;
    private final Service service;
    private final NodeEligibility eligibility;
    private final Map<String, Node> nodes;
    private final Instant now;
    private final Changes changes;

    ReplicatedReconciler(TaskFactory factory, Service service, NodeEligibility eligibility,
            Map<String, Node> nodes, Instant now, Changes changes) {
        this.factory = factory;
        this.service = service;
        this.eligibility = eligibility;
        this.nodes = nodes;
        this.now = now;
        this.changes = changes;
    }

    void reconcile(List<Task> tasks, int replicas) {
        List<Slot> occupied = new ArrayList<>();
        for (Map.Entry<Integer, Slot> e : Slot.bySlotNumber(tasks).entrySet()) {
            Slot slot = e.getValue();
            slot.duplicates.forEach(changes::shutdown);
            if (slot.current != null) {
                occupied.add(slot);
            }
        }
        int excess = occupied.size() - Math.max(replicas, 0);
        if (excess > 0) {
            List<Slot> victims = new ArrayList<>(occupied);
            victims.sort(Comparator.comparingInt((Slot s) -> s.current.status().state() == TaskState.RUNNING ? 1 : 0)
                    .thenComparing(s -> -s.current.slot()));
            for (Slot s : victims.subList(0, excess)) {
                changes.remove(s.current);
                occupied.remove(s);
            }
        }
        Set<Integer> used = new TreeSet<>();
        List<Task> kept = new ArrayList<>();
        for (Slot slot : occupied) {
            used.add(slot.current.slot());
            Task t = slot.current;
            boolean nodeLost = t.nodeId() != null && !eligibility.mayKeep(nodes.get(t.nodeId()));
            SlotOutcome outcome = SlotOutcome.of(slot, service, false, nodeLost, now);
            if (outcome instanceof SlotOutcome.Replace) {
                changes.shutdown(t);
                changes.create(factory.replicated(service, t.slot(), now));
            } else if (outcome instanceof SlotOutcome.Keep) {
                kept.add(t);
            } else if (outcome instanceof SlotOutcome.Wait w) {
                changes.checkAgainAt(w.until());
            } else if (outcome instanceof SlotOutcome.GivenUp g) {
                changes.givenUp(t, g.reason());
            }
        }
        for (Task outdated : Rollout.toReplace(kept, service.spec().task(), service.spec().update().parallelism())) {
            changes.shutdown(outdated);
            changes.create(factory.replicated(service, outdated.slot(), now));
        }
        int missing = replicas - occupied.size();
        for (int n = 1; missing > 0; n++) {
            if (!used.contains(n)) {
                changes.create(factory.replicated(service, n, now));
                missing--;
            }
        }
    }
}
