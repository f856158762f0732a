package io.jswarm.compose.merge;

import io.jswarm.compose.yaml.Position;
import io.jswarm.compose.yaml.YMap;
import io.jswarm.compose.yaml.YNode;
import io.jswarm.compose.yaml.YScalar;
import io.jswarm.compose.yaml.YSeq;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keys that accept a list or a mapping ({@code environment: [A=1]} or {@code {A: 1}},
 * {@code depends_on: [db]} or {@code {db: {condition: …}}}) in their mapping form, so that two
 * files using different forms still merge entry by entry. Used by the merger and the validator.
 */
public final class ListForms {
    private ListForms() {}

    /**
     * The mapping form of {@code n} for key {@code key}, or null if {@code n} is neither a
     * mapping nor a list of strings (the validator then reports the wrong type).
     */
    public static YMap toMap(YNode n, String key) {
        if (n instanceof YMap m) {
            return m;
        }
        if (!(n instanceof YSeq s)) {
            return null;
        }
        boolean byName = key.equals("depends_on") || key.equals("networks");
        Map<String, YNode> entries = new LinkedHashMap<>();
        Map<String, Position> keys = new LinkedHashMap<>();
        for (YNode item : s.items()) {
            if (!(item instanceof YScalar sc) || sc.isNull()) {
                return null;
            }
            String t = sc.text();
            int eq = byName ? -1 : t.indexOf('=');
            String k = eq < 0 ? t : t.substring(0, eq);
            entries.put(k, eq < 0 ? new YScalar(null, YScalar.Type.NULL, sc.pos()) : YScalar.string(t.substring(eq + 1), sc.pos()));
            keys.put(k, sc.pos());
        }
        return new YMap(entries, keys, s.pos());
    }
}
