package io.jswarm.scheduler.placement;

import io.jswarm.api.node.Availability;
import java.util.Locale;

/**
 * Refuses nodes the operator set to one non-active availability: a paused node keeps its tasks
 * but takes no new ones; a drained node takes none and loses the ones it has. One instance per
 * availability so the explanation can say which ("1 node drained; 2 nodes paused").
 */
public final class AvailabilityFilter implements Filter {
    private final Availability refused;

    public AvailabilityFilter(Availability refused) {
        if (refused == Availability.ACTIVE) {
            throw new IllegalArgumentException("refused: an active node always takes tasks");
        }
        this.refused = refused;
    }

    @Override
    public boolean check(NodeInfo node) {
        return node.availability() != refused;
    }

    @Override
    public String explain(int nodes) {
        String word = refused == Availability.DRAIN ? "drained" : refused.name().toLowerCase(Locale.ROOT) + "d";
        return Filter.nodes(nodes) + " " + word;
    }
}
