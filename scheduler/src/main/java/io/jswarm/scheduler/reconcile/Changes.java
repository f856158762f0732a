package io.jswarm.scheduler.reconcile;

import io.jswarm.api.task.Task;
import io.jswarm.api.task.TaskState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Collects one reconcile pass's decisions; the mode reconcilers only say what, never how. */
final class Changes {
    private final List<Task> create = new ArrayList<>();
    private final List<Task> shutdown = new ArrayList<>();
    private final List<Task> remove = new ArrayList<>();
    private final Map<String, String> givenUp = new TreeMap<>();
    private Instant nextCheck;

    void create(Task t) {
        create.add(t);
    }

    void shutdown(Task t) {
        shutdown.add(t.withDesiredState(TaskState.SHUTDOWN));
    }

    void remove(Task t) {
        remove.add(t.withDesiredState(TaskState.REMOVE));
    }

    void givenUp(Task t, String reason) {
        givenUp.put(t.id(), reason);
    }

    void checkAgainAt(Instant when) {
        if (nextCheck == null || when.isBefore(nextCheck)) {
            nextCheck = when;
        }
    }

    ReconcileResult result() {
        return new ReconcileResult(create, shutdown, remove, givenUp, nextCheck);
    }
}
