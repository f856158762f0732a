package io.jswarm.worker.agent;

import io.jswarm.api.task.TaskStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The in-process manager side of status reporting: keeps every batch it was sent. */
final class RecordingReporter implements StatusReporter {
    private final List<List<StatusUpdate>> batches = new ArrayList<>();

    @Override
    public synchronized void report(List<StatusUpdate> batch) {
        batches.add(List.copyOf(batch));
    }

    synchronized List<List<StatusUpdate>> batches() {
        return List.copyOf(batches);
    }

    /** The newest status reported for a task. */
    synchronized Optional<TaskStatus> latest(String taskId) {
        TaskStatus last = null;
        for (List<StatusUpdate> b : batches) {
            for (StatusUpdate u : b) {
                if (u.taskId().equals(taskId)) {
                    last = u.status();
                }
            }
        }
        return Optional.ofNullable(last);
    }

    synchronized int batchesMentioning(String... taskIds) {
        List<String> ids = List.of(taskIds);
        return (int) batches.stream().filter(b -> b.stream().anyMatch(u -> ids.contains(u.taskId()))).count();
    }
}
