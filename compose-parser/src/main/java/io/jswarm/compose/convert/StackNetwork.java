package io.jswarm.compose.convert;

import io.jswarm.api.Copies;
import java.util.List;
import java.util.Map;

/** A network the stack uses: created by the deploy unless {@code external}. */
public record StackNetwork(String key, String name, boolean external, String driver, Map<String, String> driverOpts,
        Map<String, String> labels, boolean internal, boolean attachable, List<String> subnets) {
    public StackNetwork {
        driverOpts = Copies.map(driverOpts);
        labels = Copies.map(labels);
        subnets = Copies.list(subnets);
    }
}
