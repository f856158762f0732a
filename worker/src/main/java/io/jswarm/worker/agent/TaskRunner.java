package io.jswarm.worker.agent;

import io.jswarm.api.task.Task;
import io.jswarm.worker.task.Controller;
import java.util.concurrent.ScheduledFuture;

/**
 * The agent's bookkeeping for one task. Owned by the agent's loop thread only: no locks. At most
 * one controller call per task is in flight ({@code busy}); anything that arrives meanwhile sets
 * {@code dirty} and is looked at when the call returns.
 */
final class TaskRunner {
    final Controller controller;
    /** The worker's view: its own status, the managers' (highest) desired state. */
    Task task;
    boolean busy;
    boolean dirty;
    /** No longer assigned here: stopped, removed and forgotten without further reports. */
    boolean released;
    /** Its container has been removed; nothing more happens to it. */
    boolean gone;
    ScheduledFuture<?> timer;

    TaskRunner(Task task, Controller controller) {
        this.task = task;
        this.controller = controller;
    }

    String id() {
        return task.id();
    }
}
