package io.jswarm.scheduler.reconcile;

import io.jswarm.api.task.Task;
import io.jswarm.api.task.TaskState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The tasks of one slot (replicated: a slot number; global: a node), oldest first.
 * {@code current} is the newest task the managers still want running (desired state RUNNING or
 * below); older ones that are also wanted running are {@code duplicates} and get shut down.
 * Everything else is history (restarts, moves) — it feeds the restart maths.
 */
final class Slot {
    static final Comparator<Task> BY_CREATION =
            Comparator.comparing((Task t) -> t.meta().createdAt()).thenComparing(Task::id);

    final List<Task> history;
    final Task current;
    final List<Task> duplicates;

    private Slot(List<Task> tasks) {
        tasks.sort(BY_CREATION);
        this.history = List.copyOf(tasks);
        Task newest = null;
        List<Task> dup = new ArrayList<>();
        for (Task t : history) {
            if (t.desiredState().ordinal() <= TaskState.RUNNING.ordinal()) {
                if (newest != null) {
                    dup.add(newest);
                }
                newest = t;
            }
        }
        this.current = newest;
        this.duplicates = List.copyOf(dup);
    }

    static Map<Integer, Slot> bySlotNumber(List<Task> tasks) {
        return group(tasks, Task::slot);
    }

    /** Tasks without a node are left out: global tasks are created with theirs. */
    static Map<String, Slot> byNode(List<Task> tasks) {
        return group(tasks.stream().filter(t -> t.nodeId() != null).toList(), Task::nodeId);
    }

    private static <K extends Comparable<K>> Map<K, Slot> group(List<Task> tasks, Function<Task, K> key) {
        Map<K, List<Task>> lists = new TreeMap<>();
        for (Task t : tasks) {
            lists.computeIfAbsent(key.apply(t), k -> new ArrayList<>()).add(t);
        }
        Map<K, Slot> slots = new TreeMap<>();
        lists.forEach((k, v) -> slots.put(k, new Slot(v)));
        return slots;
    }

    /** Some task of this slot ran to completion (exit 0). */
    boolean completed() {
        return history.stream().anyMatch(t -> t.status().state() == TaskState.COMPLETE);
    }

    /** The history up to and including {@code current}: what the restart maths looks at. */
    List<Task> historyToCurrent() {
        List<Task> upTo = new ArrayList<>();
        for (Task t : history) {
            upTo.add(t);
            if (t == current) {
                break;
            }
        }
        return upTo;
    }
}
