package io.jswarm.compose.env;

import io.jswarm.compose.Diagnostics;
import io.jswarm.compose.yaml.YMap;
import io.jswarm.compose.yaml.YNode;
import io.jswarm.compose.yaml.YScalar;
import io.jswarm.compose.yaml.YSeq;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stage 2: substitutes variables in every string value of one file's tree (keys are left as
 * written, as Compose does). Errors and "not set" warnings name the file, line and key path.
 * Values keep their position; an interpolated value becomes a STRING, which the typed readers
 * accept for numbers and booleans ({@code replicas: ${N}}).
 */
public final class Interpolator {
    private final Map<String, String> env;
    private final Diagnostics diag;

    private Interpolator(Map<String, String> env, Diagnostics diag) {
        this.env = env;
        this.diag = diag;
    }

    public static YNode interpolate(YNode root, Map<String, String> env, Diagnostics diag) {
        return new Interpolator(env, diag).walk(root, null);
    }

    /** A key path built only when a message needs it (most values have no '$'). */
    private record KeyPath(KeyPath parent, String key, int index) {
        @Override
        public String toString() {
            String p = parent == null ? "" : parent.toString();
            if (key == null) {
                return p + "[" + index + "]";
            }
            return p.isEmpty() ? key : p + "." + key;
        }
    }

    /** Returns {@code node} itself when nothing in it changed, so subtrees shared by aliases stay shared. */
    private YNode walk(YNode node, KeyPath path) {
        if (node instanceof YMap m) {
            Map<String, YNode> out = new LinkedHashMap<>();
            boolean changed = false;
            for (Map.Entry<String, YNode> e : m.entries().entrySet()) {
                YNode v = walk(e.getValue(), new KeyPath(path, e.getKey(), 0));
                changed |= v != e.getValue();
                out.put(e.getKey(), v);
            }
            return changed ? new YMap(out, m.keyPositions(), m.mergeTags(), m.pos()) : m;
        }
        if (node instanceof YSeq s) {
            List<YNode> out = new ArrayList<>();
            boolean changed = false;
            for (int i = 0; i < s.items().size(); i++) {
                YNode v = walk(s.items().get(i), new KeyPath(path, null, i));
                changed |= v != s.items().get(i);
                out.add(v);
            }
            return changed ? new YSeq(out, s.pos()) : s;
        }
        YScalar sc = (YScalar) node;
        if (sc.type() != YScalar.Type.STRING || sc.value().indexOf('$') < 0) {
            return sc;
        }
        try {
            String v = Substitution.apply(sc.value(), env::get, name ->
                    diag.warn(sc.pos(), String.valueOf(path == null ? "" : path), "variable " + name + " is not set; using an empty string"));
            return YScalar.string(v, sc.pos());
        } catch (SubstitutionException e) {
            diag.valueError(sc.pos(), path == null ? "" : path.toString(), e.getMessage());
            return sc;
        }
    }
}
