package io.jswarm.manager.reaper;

import io.jswarm.api.service.Service;
import io.jswarm.api.task.RestartPolicy;
import io.jswarm.api.task.Task;
import io.jswarm.api.task.TaskState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which tasks to delete: pure. Rules:
 * <ul>
 *   <li>A task with desired state REMOVE (scaled down, service deleted) goes once it is
 *       <em>settled</em>: stopped, never sent to a node, or its node has left the cluster.
 *   <li>Per slot (replicated: service + slot number; global: service + node) the newest
 *       {@code keep} tasks stay as history for {@code service ps} and the restart maths; older
 *       settled ones go. Without a restart window the maths counts attempts over the history, so
 *       a slot keeps at least {@code maxAttempts + 1} tasks.
 *   <li>A task still running somewhere is never deleted: its node must first be told to stop it
 *       (that is how a node that comes back after being DOWN learns its copies are stale).
 * </ul>
 */
public final class Reaping {
    public static final int DEFAULT_KEEP = 5;

    private static final Comparator<Task> NEWEST_FIRST =
            Comparator.comparing((Task t) -> t.meta().createdAt()).thenComparing(Task::id).reversed();

    private Reaping() {}

    public static List<Task> victims(List<Task> tasks, Map<String, Service> services, Set<String> nodeIds, int keep) {
        List<Task> out = new ArrayList<>();
        record SlotKey(String serviceId, int slot, String nodeId) {}
        Map<SlotKey, List<Task>> slots = new HashMap<>();
        for (Task t : tasks) {
            if (t.desiredState() == TaskState.REMOVE) {
                if (settled(t, nodeIds)) {
                    out.add(t);
                }
                continue;
            }
            SlotKey k = new SlotKey(t.serviceId(), t.slot(), t.slot() == 0 ? t.nodeId() : null);
            slots.computeIfAbsent(k, x -> new ArrayList<>()).add(t);
        }
        slots.forEach((k, list) -> {
            int limit = Math.max(keep, minimumFor(services.get(k.serviceId())));
            if (list.size() <= limit) {
                return;
            }
            list.sort(NEWEST_FIRST);
            for (Task t : list.subList(limit, list.size())) {
                if (t.desiredState().ordinal() > TaskState.RUNNING.ordinal() && settled(t, nodeIds)) {
                    out.add(t);
                }
            }
        });
        out.sort(Comparator.comparing(Task::id));
        return out;
    }

    private static int minimumFor(Service s) {
        if (s == null) {
            return 0;
        }
        RestartPolicy p = s.spec().task().restartPolicy();
        boolean noWindow = p.window() == null || p.window().isZero();
        return noWindow && p.maxAttempts() != null && p.maxAttempts() > 0 ? p.maxAttempts() + 1 : 0;
    }

    /** Nothing on any node still runs it. */
    static boolean settled(Task t, Set<String> nodeIds) {
        TaskState s = t.status().state();
        return s.isTerminal() || s.ordinal() < TaskState.ASSIGNED.ordinal() || t.nodeId() == null
                || !nodeIds.contains(t.nodeId());
    }
}
