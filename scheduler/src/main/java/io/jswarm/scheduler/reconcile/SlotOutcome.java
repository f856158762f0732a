package io.jswarm.scheduler.reconcile;

import io.jswarm.api.service.Service;
import io.jswarm.api.task.TaskState;
import io.jswarm.scheduler.restart.RestartDecision;
import io.jswarm.scheduler.restart.RestartMaths;
import java.time.Instant;

/** What to do with a slot's current task; the same rules for every mode. */
sealed interface SlotOutcome {
    /** Running (or about to): leave it. */
    record Keep() implements SlotOutcome {}

    /** Shut the current task down and start a new one in the slot now. */
    record Replace() implements SlotOutcome {}

    /** Stopped, restart delay still running. */
    record Wait(Instant until) implements SlotOutcome {}

    /** Stopped and the restart policy says never. */
    record GivenUp(String reason) implements SlotOutcome {}

    /** A job task that exited 0: done, never restarted. */
    record Completed() implements SlotOutcome {}

    /**
     * @param nodeLost the task's node is gone, DOWN, drained or no longer meets the constraints:
     *     a task still running there is replaced at once, without restart delay and without
     *     counting as a restart attempt (it did not fail, its node went away)
     */
    static SlotOutcome of(Slot slot, Service service, boolean job, boolean nodeLost, Instant now) {
        TaskState state = slot.current.status().state();
        if (!state.isTerminal()) {
            return nodeLost ? new Replace() : new Keep();
        }
        if (job && state == TaskState.COMPLETE) {
            return new Completed();
        }
        RestartDecision d = RestartMaths.decide(slot.historyToCurrent(), service.spec().task().restartPolicy(), now);
        if (d instanceof RestartDecision.At at) {
            return new Wait(at.when());
        }
        if (d instanceof RestartDecision.Never never) {
            return new GivenUp(never.reason());
        }
        return new Replace();
    }
}
