package io.jswarm.api.service;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * {@code host}: the port opens on the node running the task. {@code ingress}: the routing mesh
 * opens it on every node (arrives with cluster networking).
 */
public enum PublishMode {
    INGRESS, HOST;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
