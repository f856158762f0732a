package io.jswarm.api.dispatch;

import io.jswarm.api.Copies;
import io.jswarm.api.task.Task;
import java.util.List;

/**
 * What a manager tells a worker to run. The first message of a session is the full set
 * ({@code full}: forget anything not listed); later ones are increments: {@code tasks} new or
 * changed (desired state raised, e.g. SHUTDOWN for a copy that was replaced while the node was
 * DOWN), {@code removed} ids the worker may forget (after stopping and removing them).
 * {@code sequence} grows by one per message of a session; a gap means the worker must start a new
 * session (and gets the full set again).
 */
public record AssignmentsMessage(String sessionId, long sequence, boolean full, List<Task> tasks, List<String> removed) {
    public AssignmentsMessage {
        tasks = Copies.list(tasks);
        removed = Copies.list(removed);
    }

    public boolean isEmpty() {
        return !full && tasks.isEmpty() && removed.isEmpty();
    }
}
