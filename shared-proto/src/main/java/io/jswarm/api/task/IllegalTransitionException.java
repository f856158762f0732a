package io.jswarm.api.task;

/** A task was asked to move backwards through its life, which never happens. */
public final class IllegalTransitionException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public IllegalTransitionException(TaskState from, TaskState to) {
        super("task state cannot move backwards from " + from + " to " + to);
    }
}
