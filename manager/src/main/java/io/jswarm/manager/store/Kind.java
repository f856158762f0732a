package io.jswarm.manager.store;

import io.jswarm.api.Meta;
import io.jswarm.api.node.Node;
import io.jswarm.api.service.Service;
import io.jswarm.api.task.Task;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One table of the store: its name in the log, the Java type of its rows, and how to read and
 * replace a row's id and {@link Meta}. The name is part of the log format: never rename one.
 */
public final class Kind<T> {
    public static final Kind<Node> NODES = new Kind<>("node", Node.class, Node::id, Node::meta,
            (n, m) -> new Node(n.id(), m, n.spec(), n.description(), n.status(), n.managerStatus()));
    public static final Kind<Service> SERVICES = new Kind<>("service", Service.class, Service::id, Service::meta,
            (s, m) -> new Service(s.id(), m, s.spec(), s.previousSpec()));
    public static final Kind<Task> TASKS = new Kind<>("task", Task.class, Task::id, Task::meta, Task::withMeta);
    public static final Kind<Cluster> CLUSTER = new Kind<>("cluster", Cluster.class, Cluster::id, Cluster::meta,
            Cluster::withMeta);
    public static final Kind<StoredObject> OBJECTS = new Kind<>("object", StoredObject.class, StoredObject::id,
            StoredObject::meta, StoredObject::withMeta);

    public static final List<Kind<?>> ALL = List.of(NODES, SERVICES, TASKS, CLUSTER, OBJECTS);
    private static final Map<String, Kind<?>> BY_NAME = Map.of(
            NODES.name, NODES, SERVICES.name, SERVICES, TASKS.name, TASKS, CLUSTER.name, CLUSTER, OBJECTS.name, OBJECTS);

    private final String name;
    private final Class<T> type;
    private final Function<T, String> id;
    private final Function<T, Meta> meta;
    private final BiFunction<T, Meta, T> withMeta;

    private Kind(String name, Class<T> type, Function<T, String> id, Function<T, Meta> meta,
                 BiFunction<T, Meta, T> withMeta) {
        this.name = name;
        this.type = type;
        this.id = id;
        this.meta = meta;
        this.withMeta = withMeta;
    }

    public static Kind<?> named(String name) {
        Kind<?> kind = BY_NAME.get(name);
        if (kind == null) {
            throw new IllegalArgumentException("unknown table \"" + name + "\"");
        }
        return kind;
    }

    public String name() {
        return name;
    }

    public Class<T> type() {
        return type;
    }

    public String idOf(Object row) {
        return id.apply(type.cast(row));
    }

    public Meta metaOf(Object row) {
        return meta.apply(type.cast(row));
    }

    public T withMeta(Object row, Meta m) {
        return withMeta.apply(type.cast(row), m);
    }

    /** The version a row was read at; 0 for a row that has never been stored. */
    public long versionOf(Object row) {
        Meta m = metaOf(row);
        return m == null ? 0 : m.version();
    }

    @Override
    public String toString() {
        return name;
    }
}
