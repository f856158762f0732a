package io.jswarm.worker.agent;

import io.jswarm.api.task.Task;
import java.util.Objects;

/**
 * One increment of a node's assignments after the full set: a task added or updated (the same
 * to the worker: this is now the task, typically with a raised desired state), or removed from
 * the node (the worker stops it and removes everything of it).
 */
public record AssignmentChange(Kind kind, Task task, String taskId) {
    public enum Kind { ADDED, UPDATED, REMOVED }

    public AssignmentChange {
        Objects.requireNonNull(kind, "kind");
        if (kind == Kind.REMOVED ? taskId == null : task == null) {
            throw new IllegalArgumentException(kind + " needs " + (kind == Kind.REMOVED ? "taskId" : "task"));
        }
        if (task != null) {
            taskId = task.id();
        }
    }

    public static AssignmentChange added(Task t) {
        return new AssignmentChange(Kind.ADDED, t, null);
    }

    public static AssignmentChange updated(Task t) {
        return new AssignmentChange(Kind.UPDATED, t, null);
    }

    public static AssignmentChange removed(String taskId) {
        return new AssignmentChange(Kind.REMOVED, null, taskId);
    }
}
