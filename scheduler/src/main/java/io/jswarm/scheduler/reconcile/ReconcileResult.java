package io.jswarm.scheduler.reconcile;

import io.jswarm.api.task.Task;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the orchestrator must write for one service, as plain buckets.
 *
 * @param create new tasks (state NEW, desired RUNNING) with their slot (global: their node)
 * @param shutdown existing tasks with desired state raised to SHUTDOWN; they stay as history
 *     (restarts, tasks moved off a lost, drained or no-longer-eligible node, duplicates)
 * @param remove existing tasks with desired state raised to REMOVE (scale down): the reaper
 *     deletes them once stopped
 * @param givenUp task id → why its slot is not restarted (policy says never); shown to the user
 * @param nextCheck when a restart delay ends and reconcile should run again; null if none waits
 */
public record ReconcileResult(List<Task> create, List<Task> shutdown, List<Task> remove,
        Map<String, String> givenUp, Instant nextCheck) {

    public ReconcileResult {
        create = List.copyOf(create);
        shutdown = List.copyOf(shutdown);
        remove = List.copyOf(remove);
        givenUp = Map.copyOf(givenUp);
    }

    /** Nothing to write (there may still be a restart waiting for {@link #nextCheck}). */
    public boolean isEmpty() {
        return create.isEmpty() && shutdown.isEmpty() && remove.isEmpty();
    }
}
