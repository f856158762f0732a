package io.jswarm.scheduler.placement;

/** {@code --replicas-max-per-node}: a node holds at most {@code max} live tasks of the service. */
public final class MaxReplicasFilter implements Filter {
    private final String serviceId;
    private final int max;

    public MaxReplicasFilter(String serviceId, int max) {
        if (max <= 0) {
            throw new IllegalArgumentException("max: must be positive, got " + max);
        }
        this.serviceId = serviceId;
        this.max = max;
    }

    @Override
    public boolean check(NodeInfo node) {
        return node.tasksOf(serviceId) < max;
    }

    @Override
    public boolean dependsOnPlacements() {
        return true;
    }

    @Override
    public String explain(int nodes) {
        return "max replicas per node (" + max + ") reached on " + Filter.nodes(nodes);
    }
}
