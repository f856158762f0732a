package io.jswarm.manager.schedulerloop;

import io.jswarm.api.node.Node;
import io.jswarm.api.service.Service;
import io.jswarm.api.task.Task;
import io.jswarm.manager.loop.StoreLoop;
import io.jswarm.manager.loop.Writes;
import io.jswarm.manager.store.ClusterStore;
import io.jswarm.manager.store.Event;
import io.jswarm.manager.store.Kind;
import io.jswarm.manager.store.WriteTx;
import io.jswarm.scheduler.placement.PlacementRequest;
import io.jswarm.scheduler.placement.PlacementResult;
import io.jswarm.scheduler.placement.Placer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduler loop: after each batch of task or node changes, places every task that waits
 * (NEW/PENDING, desired RUNNING) with the pure {@link Placer}, and writes the outcome in chunks
 * of {@link Writes#CHUNK} tasks per change and log entry.
 * A task no node can take stays PENDING with the explanation as its message; it is tried again
 * on the next change of any task or node (a freed reservation, a new node, a label).
 *
 * <p>Invariant: a pass starts only after the previous pass's writes are applied, so every
 * assignment counts in the next pass's node accounting and no task is placed twice.
 */
public final class SchedulerLoop extends StoreLoop {
    private static final Logger LOG = LoggerFactory.getLogger(SchedulerLoop.class);

    private final Placer placer;
    private boolean dirty;

    public SchedulerLoop(ClusterStore store, Clock clock, Placer placer) {
        super("scheduler", store, clock);
        this.placer = placer;
    }

    @Override
    protected boolean interested(Event e) {
        return e.is(Kind.TASKS) || e.is(Kind.NODES);
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
        int conflicts = schedule(now);
        if (conflicts > 0) {
            dirty = true;
        }
    }

    /** One placement pass; returns how many chunks could not be written (retried next pass). */
    public int schedule(Instant now) {
        record Snapshot(List<Node> nodes, Map<String, Service> services, List<Task> tasks, List<Task> toPlace) {}
        Snapshot s = store.view(tx -> {
            List<Task> tasks = tx.list(Kind.TASKS);
            List<Task> toPlace = tasks.stream().filter(PendingTasks::toPlace).toList();
            if (toPlace.isEmpty()) {
                return null;
            }
            Map<String, Service> services = new HashMap<>();
            tx.list(Kind.SERVICES).forEach(svc -> services.put(svc.id(), svc));
            return new Snapshot(tx.list(Kind.NODES), services, tasks, toPlace);
        });
        if (s == null) {
            return 0;
        }
        List<Task> placeable = s.toPlace().stream().filter(t -> s.services().containsKey(t.serviceId())).toList();
        List<Task> pending = PendingTasks.allocated(placeable, now);
        PlacementResult result = placer.place(new PlacementRequest(s.nodes(), s.services(), s.tasks(), pending, now));
        List<Task> changed = result.applyTo(pending, now);
        List<Consumer<WriteTx>> updates = new ArrayList<>();
        for (int i = 0; i < changed.size(); i += Writes.CHUNK) {
            List<Task> chunk = changed.subList(i, Math.min(changed.size(), i + Writes.CHUNK));
            updates.add(tx -> chunk.forEach(t -> tx.update(Kind.TASKS, t)));
        }
        int failed = 0;
        for (Throwable t : Writes.commit(store, updates)) {
            if (t != null) {
                failed++;
                LOG.debug("scheduler: a chunk was not applied ({}); placing again", t.getMessage());
            }
        }
        if (!result.unplaced().isEmpty()) {
            LOG.debug("scheduler: {} tasks wait for a node", result.unplaced().size());
        }
        return failed;
    }
}
