package io.jswarm.api.task;

/**
 * Limits are enforced on the worker (cgroups); reservations are what the scheduler subtracts from
 * a node's capacity when placing. Reservations cannot limit pids.
 */
public record ResourceRequirements(Resources limits, Resources reservations) {
    public static final ResourceRequirements NONE = new ResourceRequirements(Resources.NONE, Resources.NONE);

    public ResourceRequirements {
        limits = limits == null ? Resources.NONE : limits;
        reservations = reservations == null ? Resources.NONE : reservations;
    }
}
