package io.jswarm.api.node;

import io.jswarm.api.Copies;
import java.util.Map;

/** What the operator wants of a node. Only the user changes it; the system never rewrites it. */
public record NodeSpec(NodeRole role, Availability availability, Map<String, String> labels) {
    public NodeSpec {
        labels = Copies.map(labels);
    }
}
