package io.jswarm.api;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Defensive, null-tolerant copies for record components. A missing list or map becomes empty,
 * so code never null-checks collections; maps are sorted so JSON output is stable.
 */
public final class Copies {
    private Copies() {}

    public static <T> List<T> list(List<T> in) {
        return in == null ? List.of() : List.copyOf(in);
    }

    public static <V> Map<String, V> map(Map<String, V> in) {
        return in == null || in.isEmpty() ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(in));
    }
}
