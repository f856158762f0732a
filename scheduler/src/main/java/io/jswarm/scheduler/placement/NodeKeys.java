package io.jswarm.scheduler.placement;

import io.jswarm.api.node.Node;
import java.util.Locale;

/**
 * The value a node has for a constraint or preference key ({@code node.id}, {@code node.hostname},
 * {@code node.role}, {@code node.platform.os}, {@code node.platform.arch}, {@code node.labels.X}),
 * or null when the node has none. Keys arrive already normalised by {@code Constraint.parse}.
 */
public final class NodeKeys {
    private static final String LABELS = "node.labels.";

    private NodeKeys() {}

    /** For {@code node.labels.X}, X; for any other key, null. */
    public static String labelName(String key) {
        return key.startsWith(LABELS) ? key.substring(LABELS.length()) : null;
    }

    public static String value(Node node, String key) {
        if (key.startsWith(LABELS)) {
            return node.spec() == null ? null : node.spec().labels().get(key.substring(LABELS.length()));
        }
        return switch (key) {
            case "node.id" -> node.id();
            case "node.hostname" -> node.description() == null ? null : node.description().hostname();
            case "node.role" -> node.spec() == null || node.spec().role() == null
                    ? null : node.spec().role().name().toLowerCase(Locale.ROOT);
            case "node.platform.os" -> node.description() == null || node.description().platform() == null
                    ? null : node.description().platform().os();
            case "node.platform.arch" -> node.description() == null || node.description().platform() == null
                    ? null : node.description().platform().architecture();
            default -> null;
        };
    }
}
