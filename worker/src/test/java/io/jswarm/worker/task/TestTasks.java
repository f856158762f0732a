package io.jswarm.worker.task;

import io.jswarm.api.task.ContainerSpec;
import io.jswarm.api.task.Resources;
import io.jswarm.api.task.Task;

/** Assigned tasks for tests in other packages. */
public final class TestTasks {
    private TestTasks() {}

    public static Task assigned(String id, ContainerSpec container) {
        return Tasks.assigned(id, container, Resources.NONE);
    }
}
