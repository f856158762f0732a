package io.jswarm.scheduler.placement;

import io.jswarm.api.node.Availability;
import io.jswarm.api.task.Resources;
import io.jswarm.api.task.TaskSpec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The filters one group of identical tasks must pass, in a fixed order (cheap, common rejections
 * first). Only filters that can reject are built: a task without reservations gets no
 * reservation filter, so the common case checks little.
 */
public final class Pipeline {
    private final List<Filter> all;
    private final Filter[] filters;
    private final Filter[] dynamic;

    public Pipeline(List<Filter> filters) {
        this.all = List.copyOf(filters);
        this.filters = all.toArray(new Filter[0]);
        this.dynamic = all.stream().filter(Filter::dependsOnPlacements).toArray(Filter[]::new);
    }

    /**
     * The pipeline for tasks of {@code serviceId} with {@code spec}.
     *
     * @throws IllegalArgumentException if a constraint does not parse (the message names it)
     */
    public static Pipeline forTasks(String serviceId, TaskSpec spec, long[] hostPorts) {
        List<Filter> f = new ArrayList<>();
        f.add(new NodeReadyFilter());
        f.add(new AvailabilityFilter(Availability.DRAIN));
        f.add(new AvailabilityFilter(Availability.PAUSE));
        ConstraintSet constraints = ConstraintSet.parse(spec.placement().constraints());
        if (!constraints.isEmpty()) {
            f.add(new ConstraintFilter(constraints));
        }
        Resources r = spec.resources().reservations();
        if (r.memoryBytes() != null && r.memoryBytes() > 0) {
            f.add(ReservationFilter.memory(r.memoryBytes()));
        }
        if (r.nanoCpus() != null && r.nanoCpus() > 0) {
            f.add(ReservationFilter.cpu(r.nanoCpus()));
        }
        if (hostPorts.length > 0) {
            f.add(new HostPortFilter(hostPorts));
        }
        Integer max = spec.placement().maxReplicasPerNode();
        if (max != null && max > 0) {
            f.add(new MaxReplicasFilter(serviceId, max));
        }
        return new Pipeline(f);
    }

    public List<Filter> filters() {
        return all;
    }

    /** Every filter passes. */
    public boolean accepts(NodeInfo node) {
        for (Filter f : filters) {
            if (!f.check(node)) {
                return false;
            }
        }
        return true;
    }

    /** The filters whose answer placements can change still pass (the others passed before). */
    boolean stillAccepts(NodeInfo node) {
        for (Filter f : dynamic) {
            if (!f.check(node)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Why no node takes the task: each node is charged to the first filter that rejects it, and
     * the phrases are listed from the most common reason to the least, as swarmkit does.
     */
    public String explain(Collection<NodeInfo> nodes) {
        if (nodes.isEmpty()) {
            return "no suitable node (no nodes in the cluster)";
        }
        int[] counts = new int[filters.length];
        for (NodeInfo n : nodes) {
            for (int i = 0; i < filters.length; i++) {
                if (!filters[i].check(n)) {
                    counts[i]++;
                    break;
                }
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < filters.length; i++) {
            if (counts[i] > 0) {
                order.add(i);
            }
        }
        if (order.isEmpty()) {
            // Only reachable when the caller asks about nodes that all pass.
            return "no suitable node (every node passes; nothing to explain)";
        }
        order.sort(Comparator.comparingInt((Integer i) -> -counts[i]).thenComparingInt(i -> i));
        StringBuilder sb = new StringBuilder("no suitable node (");
        for (int k = 0; k < order.size(); k++) {
            if (k > 0) {
                sb.append("; ");
            }
            sb.append(filters[order.get(k)].explain(counts[order.get(k)]));
        }
        return sb.append(')').toString();
    }
}
