package io.jswarm.manager.dispatcher;

import io.jswarm.api.dispatch.TaskStatusReport;
import io.jswarm.api.task.Task;
import io.jswarm.api.task.TaskState;
import io.jswarm.manager.store.ClusterStore;
import io.jswarm.manager.store.ConflictException;
import io.jswarm.manager.store.Kind;
import io.jswarm.manager.store.WriteTx;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Commits a worker's status report: one store batch per report (its updates share log entries).
 * Each update is checked against the task as it stands: the task must be on the reporting node,
 * the state must be one the worker owns, and it must not move backwards — a stale or duplicate
 * report changes nothing rather than failing the batch.
 */
public final class StatusReports {
    private final ClusterStore store;

    public StatusReports(ClusterStore store) {
        this.store = store;
    }

    /** Problems with the report as a whole (400 material); empty when it is well formed. */
    public static String problem(TaskStatusReport report) {
        if (report.nodeId() == null || report.nodeId().isBlank()) {
            return "nodeId: must not be empty";
        }
        for (int i = 0; i < report.updates().size(); i++) {
            TaskStatusReport.Update u = report.updates().get(i);
            if (u == null || u.taskId() == null || u.status() == null || u.status().state() == null) {
                return "updates[" + i + "]: needs taskId and status.state";
            }
            TaskState s = u.status().state();
            if (s.ordinal() < TaskState.ACCEPTED.ordinal() || s.ordinal() > TaskState.REJECTED.ordinal()) {
                return "updates[" + i + "].status.state: a worker may report ACCEPTED through REJECTED, not " + s;
            }
        }
        return null;
    }

    /** Completes with how many updates changed a task. */
    public CompletableFuture<Integer> commit(TaskStatusReport report) {
        List<Consumer<WriteTx>> updates = new ArrayList<>();
        int[] applied = new int[1];
        for (TaskStatusReport.Update u : report.updates()) {
            updates.add(tx -> {
                Task t = tx.get(Kind.TASKS, u.taskId()).orElse(null);
                if (t == null || !report.nodeId().equals(t.nodeId()) || !t.status().state().canMoveTo(u.status().state())
                        || t.status().equals(u.status())) {
                    return;
                }
                tx.update(Kind.TASKS, t.withStatus(u.status()));
            });
        }
        return store.batch(updates).thenCompose(errors -> {
            // A conflict means the task changed between read and commit (e.g. its desired
            // state): the report is still true, so apply it once more on the fresh row.
            List<Consumer<WriteTx>> retry = new ArrayList<>();
            for (int i = 0; i < errors.size(); i++) {
                if (errors.get(i) == null) {
                    applied[0]++;
                } else if (errors.get(i) instanceof ConflictException) {
                    retry.add(updates.get(i));
                }
            }
            return retry.isEmpty() ? CompletableFuture.completedFuture(applied[0])
                    : store.batch(retry).thenApply(e2 -> applied[0] + (int) e2.stream().filter(x -> x == null).count());
        });
    }
}
