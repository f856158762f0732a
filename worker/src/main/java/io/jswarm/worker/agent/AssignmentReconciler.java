package io.jswarm.worker.agent;

import io.jswarm.api.task.Task;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides, purely, what a worker does when a full set of assignments arrives (at start-up, or
 * after re-registering with a new leader): which tasks to take on (adopting the container already
 * on disk, or starting one), which tracked tasks get a raised desired state, and what to stop and
 * remove because the managers no longer assign it here.
 *
 * <p>Invariants: a task id is never both taken on and released; a container on disk whose task
 * is assigned is adopted, never started again (the controller finds it on disk); the worker's own
 * status of a task it tracks wins over the managers' copy (the worker owns ACCEPTED…FAILED and
 * the managers may lag), while the desired state only ever rises.
 */
public final class AssignmentReconciler {
    private AssignmentReconciler() {}

    /**
     * @param adopt            assigned, not tracked, container on disk: track it; stepping adopts the container
     * @param start            assigned, not tracked, no container: track it; stepping prepares and starts it
     * @param raise            tracked and assigned with a higher desired state: the tracked task with that state
     * @param release          tracked but no longer assigned: stop, remove, forget (no more reports)
     * @param removeContainers on disk, neither tracked nor assigned: stop and remove
     */
    public record Plan(List<Task> adopt, List<Task> start, List<Task> raise, List<String> release, List<String> removeContainers) {
        public boolean isEmpty() {
            return adopt.isEmpty() && start.isEmpty() && raise.isEmpty() && release.isEmpty() && removeContainers.isEmpty();
        }
    }

    /**
     * @param assigned   the full set from the managers
     * @param tracked    the worker's own view of the tasks it has controllers for, by id
     * @param containers ids of the containers on this node's disk (container id = task id)
     */
    public static Plan reconcile(Collection<Task> assigned, Map<String, Task> tracked, Set<String> containers) {
        Map<String, Task> byId = new LinkedHashMap<>();
        for (Task t : assigned) {
            byId.put(t.id(), t);
        }
        List<Task> adopt = new ArrayList<>();
        List<Task> start = new ArrayList<>();
        List<Task> raise = new ArrayList<>();
        for (Task t : byId.values()) {
            Task ours = tracked.get(t.id());
            if (ours == null) {
                (containers.contains(t.id()) ? adopt : start).add(t);
            } else {
                raised(ours, t).ifPresent(raise::add);
            }
        }
        List<String> release = new ArrayList<>(new TreeSet<>(tracked.keySet()));
        release.removeIf(byId::containsKey);
        List<String> orphans = new ArrayList<>(new TreeSet<>(containers));
        orphans.removeIf(id -> byId.containsKey(id) || tracked.containsKey(id));
        return new Plan(adopt, start, raise, release, orphans);
    }

    /** An increment for a tracked task: ours with the managers' desired state, if it rose. */
    public static java.util.Optional<Task> raised(Task ours, Task theirs) {
        if (theirs.desiredState().ordinal() > ours.desiredState().ordinal()) {
            return java.util.Optional.of(ours.withDesiredState(theirs.desiredState()));
        }
        return java.util.Optional.empty();
    }
}
