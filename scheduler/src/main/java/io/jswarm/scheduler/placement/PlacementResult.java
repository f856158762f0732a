package io.jswarm.scheduler.placement;

import io.jswarm.api.task.Task;
import io.jswarm.api.task.TaskState;
import io.jswarm.api.task.TaskStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The outcome of one run. {@code assignments}: task id → node id, in placement order.
 * {@code unplaced}: task id → why no node took it ("no suitable node (…)"); those tasks stay
 * PENDING with that message and are tried again when nodes or tasks change.
 */
public record PlacementResult(Map<String, String> assignments, Map<String, String> unplaced) {

    /** Message of a task the scheduler assigned, as swarmkit words it. */
    public static final String ASSIGNED_MESSAGE = "scheduler assigned task to node";

    /**
     * The task records to write: each assigned task moved to ASSIGNED on its node; each unplaced
     * one still PENDING with the explanation as its message — left out when it already says so,
     * so retrying an unchanged cluster writes nothing.
     */
    public List<Task> applyTo(List<Task> placed, Instant now) {
        List<Task> changed = new ArrayList<>();
        for (Task t : placed) {
            String node = assignments.get(t.id());
            if (node != null) {
                changed.add(t.assignedTo(node, TaskStatus.of(TaskState.ASSIGNED, now, ASSIGNED_MESSAGE)));
                continue;
            }
            String why = unplaced.get(t.id());
            if (why != null && !Objects.equals(why, t.status().message())) {
                changed.add(t.withStatus(new TaskStatus(t.status().state(), now, why, null, null, null)));
            }
        }
        return changed;
    }
}
