package io.jswarm.api.validate;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects problems while walking an object; {@link #at} gives a collector for a nested field so
 * validators never build paths by hand.
 */
public final class Problems {
    private final String prefix;
    private final List<Problem> sink;

    public Problems() {
        this("", new ArrayList<>());
    }

    private Problems(String prefix, List<Problem> sink) {
        this.prefix = prefix;
        this.sink = sink;
    }

    public Problems at(String field) {
        return new Problems(prefix.isEmpty() ? field : prefix + "." + field, sink);
    }

    public Problems at(String field, int index) {
        return at(field + "[" + index + "]");
    }

    public void add(String field, String message) {
        sink.add(new Problem(field.isEmpty() ? prefix : prefix.isEmpty() ? field : prefix + "." + field, message));
    }

    public void add(String message) {
        sink.add(new Problem(prefix, message));
    }

    public List<Problem> list() {
        return List.copyOf(sink);
    }

    public boolean isEmpty() {
        return sink.isEmpty();
    }
}
