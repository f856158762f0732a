package io.jswarm.manager.store;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** A consistent read of the store: every call sees the same committed state. */
public interface ReadTx {
    <T> Optional<T> get(Kind<T> kind, String id);

    /** All rows of a table, ordered by id. */
    <T> List<T> list(Kind<T> kind);

    default <T> List<T> find(Kind<T> kind, Predicate<? super T> match) {
        return list(kind).stream().filter(match).toList();
    }

    /** The index of the last applied log entry this read reflects. */
    long index();
}
