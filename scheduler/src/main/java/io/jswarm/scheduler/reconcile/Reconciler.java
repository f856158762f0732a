package io.jswarm.scheduler.reconcile;

import io.jswarm.api.node.Node;
import io.jswarm.api.service.Service;
import io.jswarm.api.service.ServiceMode;
import io.jswarm.api.task.Task;
import io.jswarm.scheduler.placement.ConstraintSet;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A service's desired slots against its tasks → what to create, shut down and remove. Pure:
 * the same service, tasks, nodes and {@code now} always give the same result, and reconciling
 * the state that results from applying a result changes nothing more (idempotent), so the
 * orchestrator may run it on every commit and on a full pass without fear.
 */
public final class Reconciler {
    private final TaskFactory factory;

    public Reconciler(TaskIdGenerator ids) {
        this.factory = new TaskFactory(ids);
    }

    /**
     * @param tasks the service's tasks (others are ignored), any state, history included
     * @param nodes every node of the cluster
     * @throws IllegalArgumentException if the service's constraints do not parse (the message names the constraint)
     */
    public ReconcileResult reconcile(Service service, List<Task> tasks, List<Node> nodes, Instant now) {
        List<Task> own = tasks.stream().filter(t -> service.id().equals(t.serviceId())).toList();
        Map<String, Node> byId = new HashMap<>(nodes.size() * 2);
        for (Node n : nodes) {
            byId.put(n.id(), n);
        }
        NodeEligibility eligibility =
                new NodeEligibility(ConstraintSet.parse(service.spec().task().placement().constraints()));
        Changes changes = new Changes();
        ServiceMode mode = service.spec().mode();
        if (mode instanceof ServiceMode.Replicated r) {
            new ReplicatedReconciler(factory, service, eligibility, byId, now, changes).reconcile(own, r.replicas());
        } else if (mode instanceof ServiceMode.ReplicatedJob j) {
            new ReplicatedJobReconciler(factory, service, eligibility, byId, now, changes)
                    .reconcile(own, j.maxConcurrent(), j.totalCompletions());
        } else {
            new GlobalReconciler(factory, service, eligibility, nodes, now, changes).reconcile(own, mode.isJob());
        }
        return changes.result();
    }
}
