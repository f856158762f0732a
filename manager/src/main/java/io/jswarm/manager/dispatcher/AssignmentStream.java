package io.jswarm.manager.dispatcher;

import io.jswarm.api.dispatch.AssignmentsMessage;
import io.jswarm.api.task.Task;
import io.jswarm.api.task.TaskState;
import io.jswarm.manager.store.ClusterStore;
import io.jswarm.manager.store.Event;
import io.jswarm.manager.store.Kind;
import io.jswarm.manager.store.Op;
import io.jswarm.manager.store.Watch;
import io.jswarm.manager.store.Watched;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One worker session's view of its assignments: the full set first, then increments. Built on
 * {@code viewAndWatch}, so no change falls between the full set and the first increment.
 *
 * <p>A task belongs to a node from the moment the scheduler assigns it there until the reaper
 * deletes it. Increments carry a task only when the worker has something to learn (it is new to
 * the node, or its desired state or spec changed); the worker's own status reports, echoed back
 * by the store, are not sent again.
 */
public final class AssignmentStream implements AutoCloseable {
    private final String nodeId;
    private final String sessionId;
    private final Watch watch;
    private final Map<String, Task> sent = new HashMap<>();
    private AssignmentsMessage first;
    private long sequence;

    public AssignmentStream(ClusterStore store, String nodeId, String sessionId) {
        this.nodeId = nodeId;
        this.sessionId = sessionId;
        Watched<List<Task>> w = store.viewAndWatch(tx -> tx.find(Kind.TASKS, this::belongs),
                e -> e.is(Kind.TASKS) && touchesNode(e));
        this.watch = w.watch();
        w.value().forEach(t -> sent.put(t.id(), t));
        this.first = new AssignmentsMessage(sessionId, ++sequence, true, w.value(), List.of());
    }

    static boolean belongs(Task t, String nodeId) {
        return nodeId.equals(t.nodeId()) && t.status().state().ordinal() >= TaskState.ASSIGNED.ordinal();
    }

    private boolean belongs(Task t) {
        return belongs(t, nodeId);
    }

    private boolean touchesNode(Event e) {
        Task now = e.rowAs(Kind.TASKS);
        Task before = e.previous() == null ? null : Kind.TASKS.type().cast(e.previous());
        return nodeId.equals(now.nodeId()) || (before != null && nodeId.equals(before.nodeId()));
    }

    public String sessionId() {
        return sessionId;
    }

    public String nodeId() {
        return nodeId;
    }

    /** The watch overflowed or the store was restored from a snapshot: start a new session. */
    public boolean broken() {
        return watch.isClosed();
    }

    /**
     * The next message: the full set on the first call, then the changes since the last call,
     * waiting up to {@code wait} for at least one. Returns an empty increment when nothing changed.
     */
    public synchronized AssignmentsMessage next(Duration wait) throws InterruptedException {
        if (first != null) {
            AssignmentsMessage m = first;
            first = null;
            return m;
        }
        Map<String, Task> changed = new LinkedHashMap<>();
        List<String> removed = new ArrayList<>();
        Event e = watch.poll(wait);
        while (e != null) {
            apply(e, changed, removed);
            e = watch.poll(Duration.ZERO);
        }
        if (changed.isEmpty() && removed.isEmpty()) {
            return new AssignmentsMessage(sessionId, sequence, false, List.of(), List.of());
        }
        return new AssignmentsMessage(sessionId, ++sequence, false, List.copyOf(changed.values()), removed);
    }

    private void apply(Event e, Map<String, Task> changed, List<String> removed) {
        Task t = e.rowAs(Kind.TASKS);
        Task known = sent.get(t.id());
        if (e.op() == Op.DELETE || !belongs(t)) {
            if (known != null) {
                sent.remove(t.id());
                changed.remove(t.id());
                removed.add(t.id());
            }
            return;
        }
        if (known == null || known.desiredState() != t.desiredState() || !Objects.equals(known.spec(), t.spec())) {
            sent.put(t.id(), t);
            changed.put(t.id(), t);
            removed.remove(t.id());
        } else {
            sent.put(t.id(), t);
        }
    }

    @Override
    public void close() {
        watch.close();
    }
}
