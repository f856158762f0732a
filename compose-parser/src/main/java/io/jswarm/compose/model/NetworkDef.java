package io.jswarm.compose.model;

import io.jswarm.api.Copies;
import java.util.List;
import java.util.Map;

/** A top-level network. {@code name} is the explicit or external name, null for the stack's own. */
public record NetworkDef(String key, String name, boolean external, String driver, Map<String, String> driverOpts,
        Map<String, String> labels, boolean internal, boolean attachable, List<String> subnets) {
    public NetworkDef {
        driverOpts = Copies.map(driverOpts);
        labels = Copies.map(labels);
        subnets = Copies.list(subnets);
    }
}
