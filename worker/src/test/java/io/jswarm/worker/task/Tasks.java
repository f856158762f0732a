package io.jswarm.worker.task;

import io.jswarm.api.Meta;
import io.jswarm.api.task.ContainerSpec;
import io.jswarm.api.task.ResourceRequirements;
import io.jswarm.api.task.Resources;
import io.jswarm.api.task.Task;
import io.jswarm.api.task.TaskSpec;
import io.jswarm.api.task.TaskState;
import io.jswarm.api.task.TaskStatus;
import java.time.Instant;

/** Tasks as the dispatcher hands them to a worker: ASSIGNED, desired RUNNING. */
final class Tasks {
    private Tasks() {}

    static Task assigned(String id, ContainerSpec container, Resources limits) {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        TaskSpec spec = new TaskSpec(container, new ResourceRequirements(limits, null), null, null, null, 0);
        return new Task(id, Meta.created(1, t), "svc", 1, "node-1", spec, 1, TaskState.RUNNING,
                TaskStatus.of(TaskState.ASSIGNED, t, "assigned"));
    }
}
