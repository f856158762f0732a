package io.jswarm.manager.store;

/**
 * A committed row change as watchers see it: the row after the change ({@code row}; the last
 * stored row for a delete) and before it ({@code previous}; null for a create), at log {@code index}.
 */
public record Event(Kind<?> kind, Op op, Object row, Object previous, long index) {

    public String id() {
        return kind.idOf(row);
    }

    public boolean is(Kind<?> k) {
        return kind == k;
    }

    public <T> T rowAs(Kind<T> k) {
        return k.type().cast(row);
    }
}
