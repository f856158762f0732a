package io.jswarm.scheduler.placement;

import io.jswarm.api.units.Cpus;

/**
 * A node takes a task only if its capacity minus what its live tasks reserve covers the task's
 * reservation. One instance per resource so the explanation names it.
 * Invariant kept by the placer: no node's reservations ever exceed its capacity through placement.
 */
public final class ReservationFilter implements Filter {
    public enum Resource { MEMORY, CPU }

    private final Resource resource;
    private final long amount;

    public ReservationFilter(Resource resource, long amount) {
        if (amount <= 0) {
            throw new IllegalArgumentException("amount: must be positive, got " + amount);
        }
        this.resource = resource;
        this.amount = amount;
    }

    public static ReservationFilter memory(long bytes) {
        return new ReservationFilter(Resource.MEMORY, bytes);
    }

    public static ReservationFilter cpu(long nanoCpus) {
        return new ReservationFilter(Resource.CPU, nanoCpus);
    }

    @Override
    public boolean check(NodeInfo node) {
        long available = resource == Resource.MEMORY ? node.memoryAvailable() : node.cpuAvailable();
        return available >= amount;
    }

    @Override
    public boolean dependsOnPlacements() {
        return true;
    }

    @Override
    public String explain(int nodes) {
        String what = resource == Resource.MEMORY ? "memory" : "CPU (" + Cpus.format(amount) + " reserved per task)";
        return "insufficient " + what + " on " + Filter.nodes(nodes);
    }
}
