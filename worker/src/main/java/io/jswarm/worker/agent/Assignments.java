package io.jswarm.worker.agent;

import io.jswarm.api.task.Task;
import java.util.List;

/**
 * What the dispatcher session delivers to the worker (swarmkit's assignments stream). The first
 * message of every session is {@link #full}: every task assigned to this node, so that a worker
 * which re-registers (a new leader, a lost connection) can reconcile to it; later messages are
 * {@link #changed} increments. Calls return at once (the receiver queues the work), so a session
 * can call them from its own event loop.
 */
public interface Assignments {
    void full(List<Task> tasks);

    void changed(List<AssignmentChange> changes);
}
