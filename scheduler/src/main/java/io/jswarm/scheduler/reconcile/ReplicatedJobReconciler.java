package io.jswarm.scheduler.reconcile;

import io.jswarm.api.node.Node;
import io.jswarm.api.service.Service;
import io.jswarm.api.task.Task;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Replicated jobs: {@code totalCompletions} slots must each end with a task that exits 0, at
 * most {@code maxConcurrent} running at a time (0: all at once, Docker's default). A failed task
 * is restarted in its slot by the policy; a slot the policy gives up on is not replaced by a new
 * one (the job then never completes, which {@code service ps} shows). New slots take the lowest
 * numbers never used by this job.
 */
final class ReplicatedJobReconciler {
    private final TaskFactory factory;
    private final Service service;
    private final NodeEligibility eligibility;
    private final Map<String, Node> nodes;
    private final Instant now;
    private final Changes changes;

    ReplicatedJobReconciler(TaskFactory factory, Service service, NodeEligibility eligibility,
            Map<String, Node> nodes, Instant now, Changes changes) {
        this.factory = factory;
        this.service = service;
        this.eligibility = eligibility;
        this.nodes = nodes;
        this.now = now;
        this.changes = changes;
    }

    void reconcile(List<Task> tasks, int maxConcurrent, int totalCompletions) {
        Map<Integer, Slot> slots = Slot.bySlotNumber(tasks);
        int concurrency = maxConcurrent <= 0 ? totalCompletions : maxConcurrent;
        int done = 0;
        int running = 0;
        int waiting = 0;
        int givenUp = 0;
        List<Task> restartable = new ArrayList<>();
        for (Slot slot : slots.values()) {
            slot.duplicates.forEach(changes::shutdown);
            if (slot.completed()) {
                done++;
                if (slot.current != null && !slot.current.status().state().isTerminal()) {
                    changes.shutdown(slot.current); // the slot's work is done; another run would be extra
                }
                continue;
            }
            if (slot.current == null) {
                continue;
            }
            Task t = slot.current;
            boolean nodeLost = t.nodeId() != null && !eligibility.mayKeep(nodes.get(t.nodeId()));
            SlotOutcome outcome = SlotOutcome.of(slot, service, true, nodeLost, now);
            if (outcome instanceof SlotOutcome.Replace && !t.status().state().isTerminal()) {
                // moved off a lost node: it was running, so the move never adds concurrency
                changes.shutdown(t);
                changes.create(factory.replicated(service, t.slot(), now));
                running++;
            } else if (outcome instanceof SlotOutcome.Replace) {
                restartable.add(t);
            } else if (outcome instanceof SlotOutcome.Wait w) {
                changes.checkAgainAt(w.until());
                waiting++;
            } else if (outcome instanceof SlotOutcome.GivenUp g) {
                changes.givenUp(t, g.reason());
                givenUp++;
            } else {
                running++;
            }
        }
        // Restarts respect the limits too (after an update lowered them, or in an odd history);
        // a slot that may not restart yet waits for a running task to finish, which triggers
        // the next reconcile.
        int restarted = 0;
        for (Task t : restartable) {
            if (running + restarted < concurrency && done + running + restarted < totalCompletions) {
                changes.shutdown(t);
                changes.create(factory.replicated(service, t.slot(), now));
                restarted++;
            }
        }
        int active = running + waiting + restartable.size();
        int toCreate = Math.min(concurrency - active, totalCompletions - done - givenUp - active);
        for (int n = 1; toCreate > 0; n++) {
            if (!slots.containsKey(n)) {
                changes.create(factory.replicated(service, n, now));
                toCreate--;
            }
        }
    }
}
