package io.jswarm.manager.schedulerloop;

import io.jswarm.api.task.Task;
import io.jswarm.api.task.TaskState;
import io.jswarm.api.task.TaskStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Which tasks the scheduler places, and the allocator's step in between. There is no network
 * allocation yet (cluster networking arrives later), so NEW tasks become PENDING here, in the
 * same write that assigns them — one Raft entry instead of two per task.
 */
final class PendingTasks {
    static final String PENDING_MESSAGE = "pending task scheduling";

    private PendingTasks() {}

    /** NEW or PENDING tasks the managers still want running. */
    static boolean toPlace(Task t) {
        return t.status().state().ordinal() <= TaskState.PENDING.ordinal() && t.desiredState() == TaskState.RUNNING;
    }

    /** The tasks as the scheduler sees them: NEW ones already moved to PENDING (not yet written). */
    static List<Task> allocated(List<Task> tasks, Instant now) {
        List<Task> out = new ArrayList<>(tasks.size());
        for (Task t : tasks) {
            out.add(t.status().state() == TaskState.NEW
                    ? t.withStatus(TaskStatus.of(TaskState.PENDING, now, PENDING_MESSAGE)) : t);
        }
        return out;
    }
}
