package io.jswarm.compose.model;

import java.util.Locale;

/**
 * One {@code depends_on} entry: start this service once {@code condition} holds for the other;
 * {@code required=false} tolerates the other being absent; {@code restart} restarts this one
 * when the other is updated.
 */
public record Dependency(Condition condition, boolean restart, boolean required) {

    public enum Condition {
        SERVICE_STARTED, SERVICE_HEALTHY, SERVICE_COMPLETED_SUCCESSFULLY;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static final Dependency STARTED = new Dependency(Condition.SERVICE_STARTED, false, true);
}
