package io.jswarm.compose.convert;

import io.jswarm.api.Copies;
import java.util.Map;

/** A named volume the stack uses: created on the nodes on first use unless {@code external}. */
public record StackVolume(String key, String name, boolean external, String driver, Map<String, String> driverOpts,
        Map<String, String> labels) {
    public StackVolume {
        driverOpts = Copies.map(driverOpts);
        labels = Copies.map(labels);
    }
}
