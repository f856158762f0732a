package io.jswarm.manager.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The writer's side of {@code update}: reads see committed state plus this transaction's own
 * writes; writes are only recorded, as {@link Mutation}s that the log will carry. Versions are
 * checked when the entry is applied, so the result is the same on every replica.
 */
public final class WriteTx implements ReadTx {
    private static final Object DELETED = new Object();

    private final ReadTx base;
    private final List<Mutation> mutations = new ArrayList<>();
    private final Map<String, Object> overlay = new HashMap<>();

    WriteTx(ReadTx base) {
        this.base = base;
    }

    private static String key(Kind<?> kind, String id) {
        return kind.name() + "/" + id;
    }

    @Override
    public <T> Optional<T> get(Kind<T> kind, String id) {
        Object o = overlay.get(key(kind, id));
        if (o == DELETED) {
            return Optional.empty();
        }
        return o != null ? Optional.of(kind.type().cast(o)) : base.get(kind, id);
    }

    @Override
    public <T> List<T> list(Kind<T> kind) {
        TreeMap<String, T> rows = new TreeMap<>();
        for (T row : base.list(kind)) {
            rows.put(kind.idOf(row), row);
        }
        String prefix = kind.name() + "/";
        overlay.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                String id = k.substring(prefix.length());
                if (v == DELETED) {
                    rows.remove(id);
                } else {
                    rows.put(id, kind.type().cast(v));
                }
            }
        });
        return List.copyOf(rows.values());
    }

    @Override
    public long index() {
        return base.index();
    }

    /** Adds a row that must not exist yet; its meta is set when committed. */
    public <T> void create(Kind<T> kind, T row) {
        String id = Objects.requireNonNull(kind.idOf(row), "id");
        mutations.add(new Mutation(kind.name(), Op.CREATE, id, 0, StoreJson.mapper().valueToTree(row)));
        overlay.put(key(kind, id), row);
    }

    /** Replaces a row; conflicts unless the stored version still equals {@code row.meta().version()}. */
    public <T> void update(Kind<T> kind, T row) {
        String id = Objects.requireNonNull(kind.idOf(row), "id");
        mutations.add(new Mutation(kind.name(), Op.UPDATE, id, kind.versionOf(row), StoreJson.mapper().valueToTree(row)));
        overlay.put(key(kind, id), row);
    }

    /** Deletes a row; conflicts unless the stored version equals {@code version} (or it is {@link Mutation#ANY_VERSION}). */
    public <T> void delete(Kind<T> kind, String id, long version) {
        mutations.add(new Mutation(kind.name(), Op.DELETE, id, version, null));
        overlay.put(key(kind, id), DELETED);
    }

    Change change() {
        return new Change(mutations);
    }

    boolean isEmpty() {
        return mutations.isEmpty();
    }
}
