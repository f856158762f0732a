package io.jswarm.api.dispatch;

import io.jswarm.api.Copies;
import io.jswarm.api.task.TaskStatus;
import java.util.List;

/**
 * Status changes a worker observed, sent together (the manager commits one report as one store
 * batch). Only worker-owned states (ACCEPTED through REJECTED) may be reported, and never a move
 * backwards; the manager ignores reports about tasks that are not on this node.
 */
public record TaskStatusReport(String nodeId, List<Update> updates) {
    public TaskStatusReport {
        updates = Copies.list(updates);
    }

    public record Update(String taskId, TaskStatus status) {}
}
