package io.jswarm.scheduler.reconcile;

import io.jswarm.api.node.Node;
import io.jswarm.api.service.Service;
import io.jswarm.api.task.Task;
import io.jswarm.api.task.TaskState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Global services and global jobs: one task per eligible node. A node that joins, becomes READY
 * and ACTIVE, or starts matching the constraints gets a task; a node that leaves, goes DOWN, is
 * drained or stops matching has its task shut down (a paused node keeps its task but gets no new
 * one, not even a restart, until it is active again). A global job's node is done once a task of
 * the job exited 0 there.
 */
final class GlobalReconciler {
    private final TaskFactory factory;
    private final Service service;
    private final NodeEligibility eligibility;
    private final List<Node> nodes;
    private final Instant now;
    private final Changes changes;

    GlobalReconciler(TaskFactory factory, Service service, NodeEligibility eligibility, List<Node> nodes,
            Instant now, Changes changes) {
        this.factory = factory;
        this.service = service;
        this.eligibility = eligibility;
        this.nodes = nodes;
        this.now = now;
        this.changes = changes;
    }

    void reconcile(List<Task> tasks, boolean job) {
        Map<String, Node> byId = new HashMap<>(nodes.size() * 2);
        for (Node n : nodes) {
            byId.put(n.id(), n);
        }
        for (Task t : tasks) {
            if (t.nodeId() == null && t.desiredState().ordinal() <= TaskState.RUNNING.ordinal()) {
                changes.shutdown(t); // a global task without a node cannot be what this service wants
            }
        }
        Map<String, Slot> byNode = Slot.byNode(tasks);
        for (Map.Entry<String, Slot> e : byNode.entrySet()) {
            Slot slot = e.getValue();
            slot.duplicates.forEach(changes::shutdown);
            if (slot.current != null && !eligibility.mayKeep(byId.get(e.getKey()))) {
                changes.shutdown(slot.current);
            }
        }
        List<Node> sorted = nodes.stream().sorted(Comparator.comparing(Node::id)).toList();
        List<Task> kept = new ArrayList<>();
        Map<String, Node> keptOn = new HashMap<>();
        for (Node node : sorted) {
            if (!eligibility.mayKeep(node)) {
                continue;
            }
            Slot slot = byNode.get(node.id());
            if (job && slot != null && slot.completed()) {
                continue;
            }
            if (slot == null || slot.current == null) {
                if (eligibility.mayTakeNew(node)) {
                    changes.create(factory.onNode(service, node.id(), now));
                }
                continue;
            }
            SlotOutcome outcome = SlotOutcome.of(slot, service, job, false, now);
            if (outcome instanceof SlotOutcome.Replace && eligibility.mayTakeNew(node)) {
                changes.shutdown(slot.current);
                changes.create(factory.onNode(service, node.id(), now));
            } else if (outcome instanceof SlotOutcome.Keep && !job) {
                kept.add(slot.current);
                keptOn.put(slot.current.id(), node);
            } else if (outcome instanceof SlotOutcome.Wait w) {
                changes.checkAgainAt(w.until());
            } else if (outcome instanceof SlotOutcome.GivenUp g) {
                changes.givenUp(slot.current, g.reason());
            }
        }
        for (Task outdated : Rollout.toReplace(kept, service.spec().task(), service.spec().update().parallelism())) {
            if (eligibility.mayTakeNew(keptOn.get(outdated.id()))) {
                changes.shutdown(outdated);
                changes.create(factory.onNode(service, outdated.nodeId(), now));
            }
        }
    }
}
