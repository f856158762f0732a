package io.jswarm.manager.store;

import com.fasterxml.jackson.databind.JsonNode;
import io.jswarm.api.Meta;
import io.jswarm.api.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The tables and the one function that changes them, {@link #apply}. Replication calls apply with
 * the entries in log order on every manager, so apply must be deterministic: it depends only on
 * the current tables, the entry and its index (never the clock, never this node's identity).
 *
 * <p>Locking: apply, restore and watcher registration take the write lock; views take the read
 * lock. A watcher registered together with a view therefore sees exactly the events after it.
 */
public final class StoreState {
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<Kind<?>, TreeMap<String, Object>> tables = new HashMap<>();
    private final List<Watch> watches = new CopyOnWriteArrayList<>();
    private final TreeMap<Long, List<CompletableFuture<Void>>> waiters = new TreeMap<>();
    private long appliedIndex;

    public StoreState() {
        for (Kind<?> k : Kind.ALL) {
            tables.put(k, new TreeMap<>());
        }
    }

    public long appliedIndex() {
        lock.readLock().lock();
        try {
            return appliedIndex;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Runs {@code fn} against a consistent read of the committed state. */
    public <R> R view(Function<ReadTx, R> fn) {
        lock.readLock().lock();
        try {
            return fn.apply(new Reader());
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Runs {@code fn} and registers a watch in one step, so no commit falls between them. */
    public <R> Watched<R> viewAndWatch(Function<ReadTx, R> fn, Predicate<Event> filter) {
        lock.writeLock().lock();
        try {
            R value = fn.apply(new Reader());
            return new Watched<>(value, addWatch(filter));
        } finally {
            lock.writeLock().unlock();
        }
    }

    public Watch watch(Predicate<Event> filter) {
        lock.writeLock().lock();
        try {
            return addWatch(filter);
        } finally {
            lock.writeLock().unlock();
        }
    }

    private Watch addWatch(Predicate<Event> filter) {
        Watch w = new Watch(filter, watches::remove);
        watches.add(w);
        return w;
    }

    /** Completes (asynchronously) once the entry at {@code index} has been applied here. */
    public CompletableFuture<Void> awaitApplied(long index) {
        lock.writeLock().lock();
        try {
            if (appliedIndex >= index) {
                return CompletableFuture.completedFuture(null);
            }
            CompletableFuture<Void> f = new CompletableFuture<>();
            waiters.computeIfAbsent(index, i -> new ArrayList<>()).add(f);
            return f;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Applies the entry at {@code index}. Each change is checked against the rows as they stand
     * (including earlier changes of the same entry) and applied whole or refused whole.
     */
    public EntryResult apply(long index, LogEntry entry) {
        List<CompletableFuture<Void>> ready = new ArrayList<>();
        List<String> conflicts = new ArrayList<>();
        lock.writeLock().lock();
        try {
            if (index <= appliedIndex) {
                throw new IllegalStateException("entry " + index + " applied twice (applied " + appliedIndex + ")");
            }
            for (Change change : entry.changes()) {
                conflicts.add(applyChange(index, entry, change));
            }
            appliedIndex = index;
            collectReady(ready);
        } finally {
            lock.writeLock().unlock();
        }
        // Completed outside the lock and off this thread: a waiter's callback may read or write the store.
        ready.forEach(f -> f.completeAsync(() -> null));
        return new EntryResult(index, conflicts);
    }

    /** Records that {@code index} was used by an entry that does not touch the store (Raft configuration, no-ops). */
    public void skip(long index) {
        List<CompletableFuture<Void>> ready = new ArrayList<>();
        lock.writeLock().lock();
        try {
            if (index > appliedIndex) {
                appliedIndex = index;
                collectReady(ready);
            }
        } finally {
            lock.writeLock().unlock();
        }
        ready.forEach(f -> f.completeAsync(() -> null));
    }

    private void collectReady(List<CompletableFuture<Void>> ready) {
        while (!waiters.isEmpty() && waiters.firstKey() <= appliedIndex) {
            ready.addAll(waiters.pollFirstEntry().getValue());
        }
    }

    private String applyChange(long index, LogEntry entry, Change change) {
        // First pass: check every mutation against the rows as this change would leave them.
        Map<String, Object> staged = new LinkedHashMap<>();
        Object deleted = new Object();
        for (Mutation m : change.mutations()) {
            Kind<?> kind = Kind.named(m.kind());
            String key = m.kind() + "/" + m.id();
            Object current = staged.containsKey(key) ? staged.get(key) : tables.get(kind).get(m.id());
            if (current == deleted) {
                current = null;
            }
            long currentVersion = current == null ? 0 : kind.versionOf(current);
            switch (m.op()) {
                case CREATE -> {
                    if (current != null) {
                        return kind + " " + m.id() + " already exists";
                    }
                    Object row = StoreJson.mapper().convertValue(m.value(), kind.type());
                    staged.put(key, kind.withMeta(row, Meta.created(index, entry.at())));
                }
                case UPDATE -> {
                    if (current == null) {
                        return kind + " " + m.id() + " does not exist";
                    }
                    if (m.expectedVersion() != currentVersion) {
                        return kind + " " + m.id() + ": update based on version " + m.expectedVersion()
                                + " but the current version is " + currentVersion;
                    }
                    Object row = StoreJson.mapper().convertValue(m.value(), kind.type());
                    staged.put(key, kind.withMeta(row, kind.metaOf(current).updated(index, entry.at())));
                }
                case DELETE -> {
                    if (current == null) {
                        return kind + " " + m.id() + " does not exist";
                    }
                    if (m.expectedVersion() != Mutation.ANY_VERSION && m.expectedVersion() != currentVersion) {
                        return kind + " " + m.id() + ": delete based on version " + m.expectedVersion()
                                + " but the current version is " + currentVersion;
                    }
                    staged.put(key, deleted);
                }
            }
        }
        // Second pass: commit and tell the watchers.
        for (Map.Entry<String, Object> e : staged.entrySet()) {
            int slash = e.getKey().indexOf('/');
            Kind<?> kind = Kind.named(e.getKey().substring(0, slash));
            String id = e.getKey().substring(slash + 1);
            TreeMap<String, Object> table = tables.get(kind);
            Object previous = table.get(id);
            Event event;
            if (e.getValue() == deleted) {
                table.remove(id);
                event = new Event(kind, Op.DELETE, previous, previous, index);
            } else {
                table.put(id, e.getValue());
                event = new Event(kind, previous == null ? Op.CREATE : Op.UPDATE, e.getValue(), previous, index);
            }
            for (Watch w : watches) {
                w.offer(event);
            }
        }
        return null;
    }

    public StoreSnapshot snapshot() {
        lock.readLock().lock();
        try {
            Map<String, List<JsonNode>> out = new TreeMap<>();
            tables.forEach((kind, rows) -> {
                List<JsonNode> list = new ArrayList<>(rows.size());
                rows.values().forEach(r -> list.add(StoreJson.mapper().valueToTree(r)));
                out.put(kind.name(), list);
            });
            return new StoreSnapshot(StoreSnapshot.FORMAT_VERSION, appliedIndex, out);
        } finally {
            lock.readLock().unlock();
        }
    }

    public byte[] encodeSnapshot() {
        return Json.write(snapshot()).getBytes(StandardCharsets.UTF_8);
    }

    /** Replaces every table with the snapshot's. Watchers are closed: their view of the world ended. */
    public void restore(StoreSnapshot snapshot) {
        if (snapshot.formatVersion() > StoreSnapshot.FORMAT_VERSION) {
            throw new UnsupportedEntryException("snapshot format " + snapshot.formatVersion() + " is newer than "
                    + StoreSnapshot.FORMAT_VERSION + "; upgrade this manager");
        }
        List<CompletableFuture<Void>> ready = new ArrayList<>();
        lock.writeLock().lock();
        try {
            tables.values().forEach(Map::clear);
            snapshot.tables().forEach((name, rows) -> {
                Kind<?> kind = Kind.named(name);
                for (JsonNode row : rows) {
                    Object value = StoreJson.mapper().convertValue(row, kind.type());
                    tables.get(kind).put(kind.idOf(value), value);
                }
            });
            appliedIndex = snapshot.index();
            List.copyOf(watches).forEach(Watch::close);
            collectReady(ready);
        } finally {
            lock.writeLock().unlock();
        }
        ready.forEach(f -> f.completeAsync(() -> null));
    }

    public static StoreSnapshot decodeSnapshot(byte[] bytes) {
        return Json.read(bytes, StoreSnapshot.class);
    }

    private final class Reader implements ReadTx {
        @Override
        public <T> Optional<T> get(Kind<T> kind, String id) {
            return Optional.ofNullable(kind.type().cast(tables.get(kind).get(id)));
        }

        @Override
        public <T> List<T> list(Kind<T> kind) {
            List<T> out = new ArrayList<>();
            tables.get(kind).values().forEach(r -> out.add(kind.type().cast(r)));
            return out;
        }

        @Override
        public long index() {
            return appliedIndex;
        }
    }
}
