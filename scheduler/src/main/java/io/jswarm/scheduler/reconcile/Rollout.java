package io.jswarm.scheduler.reconcile;

import io.jswarm.api.task.Task;
import io.jswarm.api.task.TaskSpec;
import io.jswarm.api.task.TaskState;
import java.util.ArrayList;
import java.util.List;

/**
 * Which running tasks to replace because the service's task template changed (a new image, a
 * new command, a bumped {@code forceUpdate}…): a rolling update, stop-first. At most
 * {@code parallelism} slots are in flight at a time (0 = all at once); a slot is in flight while
 * its up-to-date task has not reached RUNNING yet, so the next batch starts only when the previous
 * one runs. Pure: the reconciler calls it on every pass, which is what moves the rollout forward.
 * Not yet honoured from the update config: delay between batches, monitor, failure action, order.
 */
final class Rollout {
    private Rollout() {}

    static List<Task> toReplace(List<Task> liveCurrentTasks, TaskSpec desired, int parallelism) {
        List<Task> outdated = new ArrayList<>();
        int inFlight = 0;
        for (Task t : liveCurrentTasks) {
            if (!t.spec().equals(desired)) {
                outdated.add(t);
            } else if (t.status().state().ordinal() < TaskState.RUNNING.ordinal()) {
                inFlight++;
            }
        }
        int budget = parallelism <= 0 ? outdated.size() : Math.max(0, parallelism - inFlight);
        // Tasks that are not running yet first (replacing them costs nothing), then lowest slots.
        outdated.sort(java.util.Comparator.comparingInt((Task t) -> t.status().state() == TaskState.RUNNING ? 1 : 0)
                .thenComparingInt(Task::slot).thenComparing(Task::id));
        return List.copyOf(outdated.subList(0, Math.min(budget, outdated.size())));
    }
}
