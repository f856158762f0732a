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
        return new Interpolator(env, diag).walk(root, "");
    }

    private YNode walk(YNode node, String path) {
        if (node instanceof YMap m) {
            Map<String, YNode> out = new LinkedHashMap<>();
            m.entries().forEach((k, v) -> out.put(k, walk(v, path.isEmpty() ? k : path + "." + k)));
            return new YMap(out, m.keyPositions(), m.mergeTags(), m.pos());
        }
        if (node instanceof YSeq s) {
            List<YNode> out = new ArrayList<>();
            for (int i = 0; i < s.items().size(); i++) {
                out.add(walk(s.items().get(i), path + "[" + i + "]"));
            }
            return new YSeq(out, s.pos());
        }
        YScalar sc = (YScalar) node;
        if (sc.type() != YScalar.Type.STRING || sc.value().indexOf('$') < 0) {
            return sc;
        }
        try {
            String v = Substitution.apply(sc.value(), env::get, name ->
                    diag.warn(sc.pos(), path, "variable " + name + " is not set; using an empty string"));
            return YScalar.string(v, sc.pos());
        } catch (SubstitutionException e) {
            diag.error(sc.pos(), path, e.getMessage());
            return sc;
        }
    }
}
