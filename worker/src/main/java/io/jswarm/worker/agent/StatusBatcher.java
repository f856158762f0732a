package io.jswarm.worker.agent;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects status updates into batches (no I/O, no threads; time passed in). A batch is due
 * {@code window} after its first update, or at once when it holds {@code maxUpdates} tasks. Only
 * the newest status of a task is kept: states move forward, so the newest says everything the
 * managers need, and a burst ACCEPTED → … → RUNNING costs one update, not five.
 *
 * <p>Not thread-safe: owned by the agent's loop.
 */
public final class StatusBatcher {
    private final Duration window;
    private final int maxUpdates;
    private final Map<String, StatusUpdate> pending = new LinkedHashMap<>();
    private Instant firstAt;

    public StatusBatcher(Duration window, int maxUpdates) {
        if (window.isNegative() || maxUpdates < 1) {
            throw new IllegalArgumentException("window must be >= 0 and maxUpdates >= 1");
        }
        this.window = window;
        this.maxUpdates = maxUpdates;
    }

    /** Adds an update; returns true when the batch is full and should be sent now. */
    public boolean add(StatusUpdate update, Instant now) {
        if (pending.isEmpty()) {
            firstAt = now;
        }
        pending.remove(update.taskId()); // re-insert: the batch's order follows the newest change
        pending.put(update.taskId(), update);
        return pending.size() >= maxUpdates;
    }

    /** Puts back updates that could not be delivered, unless a newer one for the task arrived. */
    public void requeue(List<StatusUpdate> undelivered, Instant now) {
        if (pending.isEmpty() && !undelivered.isEmpty()) {
            firstAt = now;
        }
        Map<String, StatusUpdate> merged = new LinkedHashMap<>();
        undelivered.forEach(u -> merged.put(u.taskId(), u));
        merged.putAll(pending);
        pending.clear();
        pending.putAll(merged);
    }

    /** When the current batch is due; null when nothing is pending. */
    public Instant dueAt() {
        return pending.isEmpty() ? null : firstAt.plus(window);
    }

    public boolean isDue(Instant now) {
        return !pending.isEmpty() && (pending.size() >= maxUpdates || !now.isBefore(dueAt()));
    }

    public int size() {
        return pending.size();
    }

    /** Takes the batch (up to {@code maxUpdates} updates), leaving the rest pending. */
    public List<StatusUpdate> drain(Instant now) {
        List<StatusUpdate> batch = new ArrayList<>();
        var it = pending.values().iterator();
        while (it.hasNext() && batch.size() < maxUpdates) {
            batch.add(it.next());
            it.remove();
        }
        firstAt = pending.isEmpty() ? null : now;
        return batch;
    }
}
