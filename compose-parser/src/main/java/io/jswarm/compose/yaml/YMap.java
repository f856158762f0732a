package io.jswarm.compose.yaml;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A mapping with string keys in file order. {@code keyPositions} says where each key was written,
 * so "unknown key" errors point at the key and not at its value. {@code mergeTags} holds the
 * compose merge tags written on values ({@code ports: !reset []}, {@code command: !override …}),
 * which only the merge stage reads.
 */
public record YMap(Map<String, YNode> entries, Map<String, Position> keyPositions, Map<String, MergeTag> mergeTags,
        Position pos) implements YNode {

    /** Compose's merge tags: drop the value inherited from earlier files, or replace it whole. */
    public enum MergeTag { RESET, OVERRIDE }

    public YMap {
        entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        keyPositions = Collections.unmodifiableMap(new LinkedHashMap<>(keyPositions));
        mergeTags = mergeTags.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(mergeTags));
    }

    public YMap(Map<String, YNode> entries, Map<String, Position> keyPositions, Position pos) {
        this(entries, keyPositions, Map.of(), pos);
    }

    public MergeTag tag(String key) {
        return mergeTags.get(key);
    }

    public static YMap empty(Position pos) {
        return new YMap(Map.of(), Map.of(), pos);
    }

    public YNode get(String key) {
        return entries.get(key);
    }

    public boolean has(String key) {
        return entries.containsKey(key);
    }

    public Position keyPos(String key) {
        Position p = keyPositions.get(key);
        return p != null ? p : pos;
    }

    /** A copy with {@code key} set (appended if new, replaced in place otherwise). */
    public YMap with(String key, YNode value, Position keyPos) {
        Map<String, YNode> e = new LinkedHashMap<>(entries);
        Map<String, Position> k = new LinkedHashMap<>(keyPositions);
        e.put(key, value);
        k.putIfAbsent(key, keyPos);
        return new YMap(e, k, pos);
    }

    public YMap without(String key) {
        Map<String, YNode> e = new LinkedHashMap<>(entries);
        Map<String, Position> k = new LinkedHashMap<>(keyPositions);
        e.remove(key);
        k.remove(key);
        return new YMap(e, k, pos);
    }

    @Override
    public String kindName() {
        return "a mapping";
    }
}
