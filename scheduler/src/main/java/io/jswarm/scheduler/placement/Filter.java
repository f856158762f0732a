package io.jswarm.scheduler.placement;

/**
 * One reason a node may not take a task. A filter is built for one group of identical tasks, so
 * {@link #check} only looks at the node. {@link #explain} turns "this filter rejected N nodes"
 * into words for {@code service ps}.
 */
public interface Filter {

    boolean check(NodeInfo node);

    /** A phrase such as "insufficient memory on 2 nodes"; {@code nodes} is at least 1. */
    String explain(int nodes);

    /**
     * True when the answer can change as tasks are placed (resources, ports, replicas per node):
     * such filters are checked again each time a node is picked; the others only once per group.
     */
    default boolean dependsOnPlacements() {
        return false;
    }

    /** "1 node", "3 nodes". */
    static String nodes(int n) {
        return n == 1 ? "1 node" : n + " nodes";
    }
}
