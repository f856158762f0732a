package io.jswarm.scheduler.restart;

import io.jswarm.api.task.RestartCondition;
import io.jswarm.api.task.RestartPolicy;
import io.jswarm.api.task.Task;
import io.jswarm.api.task.TaskState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Docker's restart policy as a pure function of a slot's history, the policy and {@code now}.
 *
 * <p>Definitions (swarmkit's semantics, written down):
 * <ul>
 *   <li>The slot's latest task (newest {@code createdAt}) is the one that stopped; it must be terminal.
 *   <li>Only {@link TaskState#COMPLETE} is a success; every other terminal state is a failure.
 *   <li>A restart attempt is an earlier task of the slot that <em>exited</em> (COMPLETE, FAILED or
 *       REJECTED) and was followed by another task; its time is the {@code createdAt} of that
 *       follower. Tasks moved away from a lost or drained node did not exit and are not attempts.
 *   <li>With a window, only attempts in {@code (now - window, now]} count; when as many attempts
 *       as {@code maxAttempts} fall in it, the slot is given up (the task failed too fast), as
 *       swarmkit does. Without a window every attempt the history still holds counts — the task
 *       reaper must therefore keep at least {@code maxAttempts + 1} tasks per slot.
 *   <li>The delay runs from the moment the task stopped ({@code status.timestamp}).
 * </ul>
 */
public final class RestartMaths {
    /** Docker's default restart delay when the policy leaves it unset. */
    public static final Duration DEFAULT_DELAY = Duration.ofSeconds(5);

    private static final Comparator<Task> BY_CREATION =
            Comparator.comparing((Task t) -> t.meta().createdAt()).thenComparing(Task::id);

    private RestartMaths() {}

    /**
     * @param slotHistory every task of the slot the store still holds, the stopped one included
     * @throws IllegalArgumentException if the history is empty or its latest task has not stopped
     */
    public static RestartDecision decide(List<Task> slotHistory, RestartPolicy policy, Instant now) {
        if (slotHistory.isEmpty()) {
            throw new IllegalArgumentException("slotHistory: empty, nothing has stopped");
        }
        RestartPolicy p = policy == null ? RestartPolicy.DEFAULT : policy;
        List<Task> history = new ArrayList<>(slotHistory);
        history.sort(BY_CREATION);
        Task latest = history.get(history.size() - 1);
        TaskState state = latest.status().state();
        if (!state.isTerminal()) {
            throw new IllegalArgumentException("slotHistory: latest task " + latest.id() + " is " + state + ", not stopped");
        }
        RestartCondition condition = p.condition() == null ? RestartCondition.ANY : p.condition();
        if (condition == RestartCondition.NONE) {
            return new RestartDecision.Never("restart condition is none");
        }
        if (condition == RestartCondition.ON_FAILURE && state == TaskState.COMPLETE) {
            return new RestartDecision.Never("task completed and restart condition is on-failure");
        }
        int max = p.maxAttempts() == null ? 0 : p.maxAttempts();
        if (max > 0) {
            int attempts = attempts(history, p.window(), now);
            if (attempts >= max) {
                return new RestartDecision.Never(p.window() == null || p.window().isZero()
                        ? "restarted " + attempts + " times, max attempts " + max + " reached"
                        : "restarted " + attempts + " times within " + p.window() + ", max attempts " + max + " reached");
            }
        }
        Duration delay = p.delay() == null ? DEFAULT_DELAY : p.delay();
        Instant due = latest.status().timestamp().plus(delay);
        return now.isBefore(due) ? new RestartDecision.At(due) : RestartDecision.NOW;
    }

    /** Attempts in the (sorted) history, counted within {@code (now - window, now]} when a window is set. */
    static int attempts(List<Task> sorted, Duration window, Instant now) {
        Instant since = window == null || window.isZero() ? null : now.minus(window);
        int count = 0;
        for (int i = 0; i + 1 < sorted.size(); i++) {
            if (!exited(sorted.get(i).status().state())) {
                continue;
            }
            Instant restartedAt = sorted.get(i + 1).meta().createdAt();
            if (since == null || (restartedAt.isAfter(since) && !restartedAt.isAfter(now))) {
                count++;
            }
        }
        return count;
    }

    private static boolean exited(TaskState s) {
        return s == TaskState.COMPLETE || s == TaskState.FAILED || s == TaskState.REJECTED;
    }
}
