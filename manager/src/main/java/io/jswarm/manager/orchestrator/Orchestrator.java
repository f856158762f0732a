package io.jswarm.manager.orchestrator;

import io.jswarm.api.node.Node;
import io.jswarm.api.service.Service;
import io.jswarm.api.service.ServiceMode;
import io.jswarm.api.task.Task;
import io.jswarm.api.task.TaskState;
import io.jswarm.manager.loop.StoreLoop;
import io.jswarm.manager.loop.Writes;
import io.jswarm.manager.store.ClusterStore;
import io.jswarm.manager.store.Event;
import io.jswarm.manager.store.Kind;
import io.jswarm.manager.store.Op;
import io.jswarm.manager.store.WriteTx;
import io.jswarm.scheduler.reconcile.ReconcileResult;
import io.jswarm.scheduler.reconcile.Reconciler;
import io.jswarm.scheduler.reconcile.TaskIdGenerator;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The replicated, global and job orchestrators in one loop (the pure {@link Reconciler} already
 * tells the modes apart), plus the restart supervisor: a service is reconciled when it changes,
 * when one of its tasks stops or disappears, when a node it has tasks on (or, for global
 * services, any node) changes, and when a restart delay it waits for ends.
 *
 * <p>Node DOWN, drain and constraint changes are handled by the reconciler's "lost node" rule:
 * the task is shut down and replaced in its slot at once, without restart delay. The shut-down
 * copy stays in the store with desired state SHUTDOWN, so a node that comes back is told to stop it.
 */
public final class Orchestrator extends StoreLoop {
    private static final Logger LOG = LoggerFactory.getLogger(Orchestrator.class);

    private final Reconciler reconciler;
    private final Set<String> dirty = new TreeSet<>();
    private final Set<String> dirtyNodes = new TreeSet<>();
    private final RestartTimers timers = new RestartTimers();
    private boolean everything;

    public Orchestrator(ClusterStore store, Clock clock, TaskIdGenerator ids) {
        super("orchestrator", store, clock);
        this.reconciler = new Reconciler(ids);
    }

    @Override
    protected boolean interested(Event e) {
        return e.is(Kind.SERVICES) || e.is(Kind.NODES) || (e.is(Kind.TASKS) && taskEventMatters(e));
    }

    /** A task that stopped or was deleted may need a replacement; other task changes cannot. */
    private static boolean taskEventMatters(Event e) {
        if (e.op() == Op.DELETE) {
            return true;
        }
        Task now = e.rowAs(Kind.TASKS);
        Task before = e.previous() == null ? null : Kind.TASKS.type().cast(e.previous());
        return now.status().state().isTerminal() && (before == null || !before.status().state().isTerminal());
    }

    @Override
    protected void fullPass() {
        everything = true;
        timers.clear();
    }

    @Override
    protected void onEvent(Event e) {
        if (e.is(Kind.SERVICES)) {
            dirty.add(e.id());
        } else if (e.is(Kind.TASKS)) {
            dirty.add(e.rowAs(Kind.TASKS).serviceId());
        } else {
            dirtyNodes.add(e.id());
        }
    }

    @Override
    protected void work(Instant now) {
        dirty.addAll(timers.takeDue(now));
        if (!everything && dirty.isEmpty() && dirtyNodes.isEmpty()) {
            return;
        }
        record Snapshot(List<Service> services, Map<String, List<Task>> tasks, List<Node> nodes) {}
        Snapshot s = store.view(tx -> {
            Map<String, List<Task>> byService = new HashMap<>();
            for (Task t : tx.list(Kind.TASKS)) {
                byService.computeIfAbsent(t.serviceId(), k -> new ArrayList<>()).add(t);
            }
            return new Snapshot(tx.list(Kind.SERVICES), byService, tx.list(Kind.NODES));
        });
        Map<String, Service> services = new HashMap<>();
        s.services().forEach(svc -> services.put(svc.id(), svc));
        Set<String> todo = new TreeSet<>(dirty);
        if (everything) {
            todo.addAll(services.keySet());
            todo.addAll(s.tasks().keySet()); // tasks of services that no longer exist
        }
        if (!dirtyNodes.isEmpty()) {
            for (Service svc : s.services()) {
                ServiceMode m = svc.spec().mode();
                if (m instanceof ServiceMode.Global || m instanceof ServiceMode.GlobalJob) {
                    todo.add(svc.id());
                }
            }
            s.tasks().forEach((serviceId, tasks) -> {
                if (tasks.stream().anyMatch(t -> t.nodeId() != null && dirtyNodes.contains(t.nodeId()))) {
                    todo.add(serviceId);
                }
            });
        }
        everything = false;
        dirty.clear();
        dirtyNodes.clear();

        List<String> ids = new ArrayList<>();
        List<Consumer<WriteTx>> updates = new ArrayList<>();
        for (String id : todo) {
            List<Task> tasks = s.tasks().getOrDefault(id, List.of());
            Service svc = services.get(id);
            List<Consumer<WriteTx>> writes;
            if (svc == null) {
                Consumer<WriteTx> orphans = removeOrphans(tasks);
                writes = orphans == null ? List.of() : List.of(orphans);
            } else {
                writes = reconcile(svc, tasks, s.nodes(), now);
            }
            for (Consumer<WriteTx> w : writes) {
                ids.add(id);
                updates.add(w);
            }
        }
        List<Throwable> failures = Writes.commit(store, updates);
        for (int i = 0; i < failures.size(); i++) {
            if (failures.get(i) != null) {
                LOG.debug("service {}: write not applied ({}); will look again", ids.get(i), failures.get(i).getMessage());
                dirty.add(ids.get(i));
            }
        }
    }

    /** The service's writes, split so that no update carries more than {@link Writes#CHUNK} rows. */
    private List<Consumer<WriteTx>> reconcile(Service svc, List<Task> tasks, List<Node> nodes, Instant now) {
        ReconcileResult r;
        try {
            r = reconciler.reconcile(svc, tasks, nodes, now);
        } catch (IllegalArgumentException e) {
            // A spec the API let through but the reconciler cannot read: leave it alone, loudly.
            LOG.warn("service {} ({}): cannot reconcile: {}", svc.spec().name(), svc.id(), e.getMessage());
            return List.of();
        }
        timers.set(svc.id(), r.nextCheck());
        if (r.isEmpty()) {
            return List.of();
        }
        // Shutdowns first: a replacement is never created while its chunk's predecessor still runs
        // unnoticed. A split result is still safe: the next pass reconciles whatever was applied.
        List<Consumer<WriteTx>> out = new ArrayList<>();
        List<Task> updates = new ArrayList<>(r.shutdown());
        updates.addAll(r.remove());
        for (int i = 0; i < updates.size(); i += Writes.CHUNK) {
            List<Task> part = updates.subList(i, Math.min(updates.size(), i + Writes.CHUNK));
            out.add(tx -> part.forEach(t -> tx.update(Kind.TASKS, t)));
        }
        for (int i = 0; i < r.create().size(); i += Writes.CHUNK) {
            List<Task> part = r.create().subList(i, Math.min(r.create().size(), i + Writes.CHUNK));
            out.add(tx -> part.forEach(t -> tx.create(Kind.TASKS, t)));
        }
        return out;
    }

    /** Tasks whose service was deleted: every one still wanted is told to go (REMOVE). */
    private static Consumer<WriteTx> removeOrphans(List<Task> tasks) {
        List<Task> wanted = tasks.stream().filter(t -> t.desiredState().ordinal() < TaskState.REMOVE.ordinal()).toList();
        if (wanted.isEmpty()) {
            return null;
        }
        return tx -> wanted.forEach(t -> tx.update(Kind.TASKS, t.withDesiredState(TaskState.REMOVE)));
    }
}
