package io.jswarm.compose.model;

import io.jswarm.api.Copies;
import java.util.Map;

/** A top-level volume. {@code name} is the explicit or external name, null for the stack's own. */
public record VolumeDef(String key, String name, boolean external, String driver, Map<String, String> driverOpts,
        Map<String, String> labels) {
    public VolumeDef {
        driverOpts = Copies.map(driverOpts);
        labels = Copies.map(labels);
    }
}
