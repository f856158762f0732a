package io.jswarm.scheduler.reconcile;

import io.jswarm.api.node.Availability;
import io.jswarm.api.node.Node;
import io.jswarm.api.node.NodeState;
import io.jswarm.scheduler.placement.ConstraintSet;

/**
 * Which nodes a service's tasks may stay on or be created for. Two questions, because a paused
 * node keeps its tasks but takes no new ones, and a node briefly DISCONNECTED keeps its tasks
 * (only DOWN, decided by the node monitor after the grace period, moves them).
 */
final class NodeEligibility {
    private final ConstraintSet constraints;

    NodeEligibility(ConstraintSet constraints) {
        this.constraints = constraints;
    }

    /** A task on this node may keep running there. A null node left the cluster. */
    boolean mayKeep(Node node) {
        return node != null
                && state(node) != NodeState.DOWN
                && availability(node) != Availability.DRAIN
                && constraints.matches(node);
    }

    /** A new task may be created for (or placed on) this node. */
    boolean mayTakeNew(Node node) {
        return node != null
                && state(node) == NodeState.READY
                && availability(node) == Availability.ACTIVE
                && constraints.matches(node);
    }

    private static NodeState state(Node n) {
        return n.status() == null ? NodeState.UNKNOWN : n.status().state();
    }

    private static Availability availability(Node n) {
        return n.spec() == null || n.spec().availability() == null ? Availability.ACTIVE : n.spec().availability();
    }
}
