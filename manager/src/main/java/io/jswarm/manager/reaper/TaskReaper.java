package io.jswarm.manager.reaper;

import io.jswarm.api.node.Node;
import io.jswarm.api.service.Service;
import io.jswarm.api.task.Task;
import io.jswarm.manager.loop.StoreLoop;
import io.jswarm.manager.loop.Writes;
import io.jswarm.manager.store.ClusterStore;
import io.jswarm.manager.store.Event;
import io.jswarm.manager.store.Kind;
import io.jswarm.manager.store.WriteTx;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** Deletes the tasks {@link Reaping} names, after each batch of task, service or node changes. */
public final class TaskReaper extends StoreLoop {
    private final int keep;
    private boolean dirty;

    public TaskReaper(ClusterStore store, Clock clock, int keep) {
        super("task-reaper", store, clock);
        this.keep = keep;
    }

    @Override
    protected boolean interested(Event e) {
        return e.is(Kind.TASKS) || e.is(Kind.SERVICES) || e.is(Kind.NODES);
    }

    @Override
    protected void fullPass() {
        dirty = true;
    }

    @Override
    protected void onEvent(Event e) {
        dirty = true;
    }

    @Override
    protected void work(Instant now) {
        if (!dirty) {
            return;
        }
        dirty = false;
        List<Task> victims = store.view(tx -> {
            Map<String, Service> services = new HashMap<>();
            tx.list(Kind.SERVICES).forEach(s -> services.put(s.id(), s));
            Set<String> nodes = tx.list(Kind.NODES).stream().map(Node::id).collect(Collectors.toSet());
            return Reaping.victims(tx.list(Kind.TASKS), services, nodes, keep);
        });
        List<Consumer<WriteTx>> deletes = new ArrayList<>();
        for (int i = 0; i < victims.size(); i += Writes.CHUNK) {
            List<Task> chunk = victims.subList(i, Math.min(victims.size(), i + Writes.CHUNK));
            deletes.add(tx -> chunk.forEach(t -> tx.delete(Kind.TASKS, t.id(), t.meta().version())));
        }
        for (Throwable t : Writes.commit(store, deletes)) {
            if (t != null) {
                dirty = true; // a victim changed meanwhile; judge it again
            }
        }
    }
}
