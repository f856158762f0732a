package io.jswarm.api.task;

import io.jswarm.api.Copies;
import java.util.List;

/**
 * Where a task may run. Constraints use Docker's syntax ({@code node.labels.zone==eu}) plus the
 * jswarm extensions {@code in}, {@code not in} and regular expressions (see
 * {@link io.jswarm.api.placement.Constraint}). {@code maxReplicasPerNode} null or 0: no limit.
 */
public record Placement(List<String> constraints, List<PlacementPreference> preferences, Integer maxReplicasPerNode) {
    public static final Placement ANYWHERE = new Placement(List.of(), List.of(), null);

    public Placement {
        constraints = Copies.list(constraints);
        preferences = Copies.list(preferences);
    }
}
