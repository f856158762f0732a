package io.jswarm.worker.agent;

import io.jswarm.api.task.Task;
import io.jswarm.api.task.TaskState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dispatcher's side of one node's assignments, in process (tests, and a node without
 * managers): the set of tasks assigned to the node, sent to the agent as a full set on
 * {@link #connect} and as increments afterwards, exactly as a dispatcher session does. Status
 * reports can be folded back with {@link #apply}, so a later {@link #connect} (a re-registration)
 * carries what the managers would know.
 *
 * <p>Thread-safe (synchronized); the agent's methods return at once, so calling them under the lock is fine.
 */
public final class LocalAssignmentFeed implements StatusReporter {
    private final Map<String, Task> assigned = new LinkedHashMap<>();
    private Assignments session;

    /** A new session: the agent gets the full set first. */
    public synchronized void connect(Assignments agent) {
        session = agent;
        agent.full(new ArrayList<>(assigned.values()));
    }

    /** The session is gone (a lost connection, a new leader); changes are kept for the next full set. */
    public synchronized void disconnect() {
        session = null;
    }

    public synchronized void assign(Task t) {
        boolean known = assigned.containsKey(t.id());
        assigned.put(t.id(), t);
        send(known ? AssignmentChange.updated(t) : AssignmentChange.added(t));
    }

    /** Raises a task's desired state (SHUTDOWN, REMOVE), as the orchestrators do. */
    public synchronized void desire(String taskId, TaskState desired) {
        Task t = assigned.get(taskId);
        if (t == null) {
            throw new IllegalArgumentException("task " + taskId + " is not assigned to this node");
        }
        Task next = t.withDesiredState(desired);
        assigned.put(taskId, next);
        send(AssignmentChange.updated(next));
    }

    public synchronized void unassign(String taskId) {
        if (assigned.remove(taskId) != null) {
            send(AssignmentChange.removed(taskId));
        }
    }

    public synchronized Map<String, Task> assigned() {
        return Map.copyOf(assigned);
    }

    private void send(AssignmentChange c) {
        if (session != null) {
            session.changed(List.of(c));
        }
    }

    /** Folds reported statuses into the assigned tasks (what the managers' store would commit). */
    @Override
    public synchronized void report(List<StatusUpdate> batch) {
        for (StatusUpdate u : batch) {
            Task t = assigned.get(u.taskId());
            if (t != null && t.status().state().canMoveTo(u.status().state())) {
                assigned.put(u.taskId(), t.withStatus(u.status()));
            }
        }
    }
}
