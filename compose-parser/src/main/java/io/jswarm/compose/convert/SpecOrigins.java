package io.jswarm.compose.convert;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Spec field paths → the compose key they came from, so a problem the spec validator finds at
 * {@code endpoint.ports[0].publishedPort} is reported at {@code services.web.ports[2]}. The
 * longest registered prefix wins; unknown paths fall back to the service itself.
 */
final class SpecOrigins {
    private final String base;
    private final Map<String, String> byPrefix = new LinkedHashMap<>();

    SpecOrigins(String base) {
        this.base = base;
    }

    void map(String specPath, String composeRelative) {
        byPrefix.put(specPath, composeRelative.isEmpty() ? base : base + "." + composeRelative);
    }

    void located(String specPath, String composePath) {
        byPrefix.put(specPath, composePath);
    }

    String composePath(String specPath) {
        String best = null;
        for (String prefix : byPrefix.keySet()) {
            boolean matches = specPath.equals(prefix) || specPath.startsWith(prefix + ".") || specPath.startsWith(prefix + "[");
            if (matches && (best == null || prefix.length() > best.length())) {
                best = prefix;
            }
        }
        return best == null ? base : byPrefix.get(best);
    }
}
