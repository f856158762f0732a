package io.jswarm.api.task;

/**
 * A task's life, in order. States only ever move forward: a restart is a new task in the same
 * slot, never an old task moving back. Ranges have owners: the orchestrator creates NEW, the
 * allocator moves to PENDING, the scheduler to ASSIGNED, the worker owns ACCEPTED through
 * FAILED/REJECTED; the managers afterwards change only the desired state.
 */
public enum TaskState {
    NEW, PENDING, ASSIGNED, ACCEPTED, PREPARING, READY, STARTING, RUNNING,
    COMPLETE, SHUTDOWN, FAILED, REJECTED, REMOVE, ORPHANED;

    /** Moving to the same state is allowed (a repeated report); moving back never is. */
    public boolean canMoveTo(TaskState next) {
        return next.ordinal() >= ordinal();
    }

    /** Returns {@code next}, or throws if it would move this task backwards. */
    public TaskState moveTo(TaskState next) {
        if (!canMoveTo(next)) {
            throw new IllegalTransitionException(this, next);
        }
        return next;
    }

    /** The container has stopped (or never will start): nothing more happens to this task. */
    public boolean isTerminal() {
        return ordinal() >= COMPLETE.ordinal();
    }

    public boolean isRunningOrBefore() {
        return ordinal() <= RUNNING.ordinal();
    }
}
