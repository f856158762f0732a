package io.jswarm.compose.validate;

import io.jswarm.api.units.ByteSizes;
import io.jswarm.api.units.Cpus;
import io.jswarm.api.units.Durations;
import io.jswarm.api.units.UnitFormatException;
import io.jswarm.compose.Diagnostics;
import io.jswarm.compose.merge.ListForms;
import io.jswarm.compose.yaml.YMap;
import io.jswarm.compose.yaml.YNode;
import io.jswarm.compose.yaml.YScalar;
import io.jswarm.compose.yaml.YSeq;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Typed reads of YAML nodes for the validator. Each read reports a wrong value to the
 * diagnostics with the node's position and key path and returns null, so validation goes on and
 * every problem of a file is reported in one run. Numbers and booleans are also accepted as
 * strings, because interpolation turns {@code ${N}} into text.
 */
final class Fields {
    final Diagnostics diag;

    Fields(Diagnostics diag) {
        this.diag = diag;
    }

    void error(YNode at, String path, String message) {
        diag.error(at.pos(), path, message);
    }

    static String quote(YNode n) {
        if (n instanceof YScalar s) {
            return s.isNull() ? "null" : s.type() == YScalar.Type.STRING ? "\"" + s.value() + "\"" : s.value();
        }
        return n.kindName();
    }

    /**
     * Checks the keys of a mapping: {@code x-*} extensions are allowed anywhere, keys in
     * {@code ignored} are warned about (with the reason), anything else unknown is an error with
     * the closest known key as a suggestion.
     */
    void keys(YMap m, String path, Set<String> known, Map<String, String> ignored) {
        keys(m, path, known, ignored, Map.of());
    }

    /** As above; keys in {@code unsupported} are errors with the reason. */
    void keys(YMap m, String path, Set<String> known, Map<String, String> ignored, Map<String, String> unsupported) {
        for (String k : m.entries().keySet()) {
            if (k.startsWith("x-") || known.contains(k)) {
                continue;
            }
            String p = join(path, k);
            if (ignored.containsKey(k)) {
                diag.warn(m.keyPos(k), p, "ignored: " + ignored.get(k));
                continue;
            }
            if (unsupported.containsKey(k)) {
                diag.error(m.keyPos(k), p, unsupported.get(k));
                continue;
            }
            Set<String> all = new TreeSet<>(known);
            all.addAll(ignored.keySet());
            String hint = Suggest.closest(k, all).map(s -> " (did you mean \"" + s + "\"?)").orElse("");
            diag.error(m.keyPos(k), p, "unknown key \"" + k + "\"" + hint);
        }
    }

    static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** A mapping; null YAML counts as empty. Anything else is an error (null returned). */
    YMap map(YNode n, String path) {
        if (n instanceof YMap m) {
            return m;
        }
        if (n instanceof YScalar s && s.isNull()) {
            return YMap.empty(s.pos());
        }
        error(n, path, "expected a mapping, got " + quote(n));
        return null;
    }

    /** Any scalar as text (numbers and booleans as written); null and collections are errors. */
    String string(YNode n, String path) {
        if (n instanceof YScalar s && !s.isNull()) {
            return s.value();
        }
        error(n, path, "expected a string, got " + quote(n));
        return null;
    }

    Integer integer(YNode n, String path, long min) {
        String what = min == 0 ? "a non-negative integer" : min == 1 ? "a positive integer" : "an integer";
        if (n instanceof YScalar s && (s.type() == YScalar.Type.INT || s.type() == YScalar.Type.STRING)) {
            try {
                long v = Long.parseLong(s.text().strip());
                if (v >= min && v <= Integer.MAX_VALUE) {
                    return (int) v;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        error(n, path, "expected " + what + ", got " + quote(n));
        return null;
    }

    Double number(YNode n, String path, double min, double max) {
        if (n instanceof YScalar s && s.type() != YScalar.Type.NULL && s.type() != YScalar.Type.BOOL) {
            try {
                double v = Double.parseDouble(s.text().strip());
                if (v >= min && v <= max) {
                    return v;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        error(n, path, "expected a number between " + fmt(min) + " and " + fmt(max) + ", got " + quote(n));
        return null;
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    Boolean bool(YNode n, String path) {
        if (n instanceof YScalar s && (s.type() == YScalar.Type.BOOL || s.type() == YScalar.Type.STRING)) {
            switch (s.text().strip().toLowerCase(Locale.ROOT)) {
                case "true", "yes", "y", "on" -> {
                    return true;
                }
                case "false", "no", "n", "off" -> {
                    return false;
                }
                default -> {
                    // reported below
                }
            }
        }
        error(n, path, "expected true or false, got " + quote(n));
        return null;
    }

    Duration duration(YNode n, String path) {
        String s = scalarText(n);
        if (s != null) {
            try {
                return Durations.parse(s);
            } catch (UnitFormatException e) {
                error(n, path, e.getMessage());
                return null;
            }
        }
        error(n, path, "expected a duration such as 10s or 1m30s, got " + quote(n));
        return null;
    }

    Long bytes(YNode n, String path) {
        String s = scalarText(n);
        if (s != null) {
            try {
                return ByteSizes.parse(s);
            } catch (UnitFormatException e) {
                error(n, path, e.getMessage());
                return null;
            }
        }
        error(n, path, "expected a size such as 512M or 1G, got " + quote(n));
        return null;
    }

    Long nanoCpus(YNode n, String path) {
        String s = scalarText(n);
        if (s != null) {
            try {
                return Cpus.parseNanoCpus(s);
            } catch (UnitFormatException e) {
                error(n, path, e.getMessage());
                return null;
            }
        }
        error(n, path, "expected a CPU amount such as 0.5 or 2, got " + quote(n));
        return null;
    }

    private static String scalarText(YNode n) {
        return n instanceof YScalar s && !s.isNull() && s.type() != YScalar.Type.BOOL ? s.value() : null;
    }

    /** One of {@code options} (case-sensitive, as Compose is); null with an error otherwise. */
    String choice(YNode n, String path, List<String> options) {
        String s = n instanceof YScalar sc && !sc.isNull() ? sc.value() : null;
        if (s != null && options.contains(s)) {
            return s;
        }
        String hint = s == null ? "" : Suggest.closest(s, options).map(o -> " (did you mean \"" + o + "\"?)").orElse("");
        error(n, path, "expected one of " + String.join(", ", options) + ", got " + quote(n) + hint);
        return null;
    }

    /** A list of strings; {@code single} also accepts one string (for "string or list" keys). */
    List<String> strings(YNode n, String path, boolean single) {
        if (single && n instanceof YScalar s && !s.isNull()) {
            return List.of(s.value());
        }
        if (!(n instanceof YSeq seq)) {
            error(n, path, "expected a list of strings" + (single ? " or a string" : "") + ", got " + quote(n));
            return null;
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < seq.items().size(); i++) {
            String v = string(seq.items().get(i), path + "[" + i + "]");
            if (v != null) {
                out.add(v);
            }
        }
        return out;
    }

    /**
     * {@code KEY: value} mapping or {@code ["KEY=value", "KEY"]} list (environment, labels,
     * sysctls). A key without value maps to null. Nested collections as values are errors.
     */
    Map<String, String> stringMap(YNode n, String path) {
        if (n instanceof YSeq seq) {
            for (int i = 0; i < seq.items().size(); i++) {
                YNode item = seq.items().get(i);
                if (!(item instanceof YScalar s) || s.isNull()) {
                    error(item, path + "[" + i + "]", "expected \"KEY=value\", got " + quote(item));
                }
            }
        }
        YMap m = n instanceof YSeq ? ListForms.toMap(n, path) : map(n, path);
        if (m == null) {
            if (!(n instanceof YSeq)) {
                return null;
            }
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        m.entries().forEach((k, v) -> {
            if (v instanceof YScalar s) {
                out.put(k, s.isNull() ? null : s.value());
            } else {
                error(v, join(path, k), "expected a string, number, boolean or nothing, got " + v.kindName());
            }
        });
        return out;
    }
}
