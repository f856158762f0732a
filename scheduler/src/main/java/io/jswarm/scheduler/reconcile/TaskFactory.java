package io.jswarm.scheduler.reconcile;

import io.jswarm.api.Meta;
import io.jswarm.api.service.Service;
import io.jswarm.api.task.Task;
import io.jswarm.api.task.TaskState;
import io.jswarm.api.task.TaskStatus;
import java.time.Instant;

/**
 * New tasks for a service: state NEW, desired RUNNING, the service's current task spec and
 * version. Meta version 0: the store sets the real one when the write commits.
 */
final class TaskFactory {
    private final TaskIdGenerator ids;

    TaskFactory(TaskIdGenerator ids) {
        this.ids = ids;
    }

    Task replicated(Service service, int slot, Instant now) {
        return task(service, slot, null, now);
    }

    Task onNode(Service service, String nodeId, Instant now) {
        return task(service, 0, nodeId, now);
    }

    private Task task(Service service, int slot, String nodeId, Instant now) {
        String id = ids.next();
        if (id == null || id.isBlank()) {
            throw new IllegalStateException("task id generator returned an empty id");
        }
        return new Task(id, Meta.created(0, now), service.id(), slot, nodeId, service.spec().task(),
                service.version(), TaskState.RUNNING, TaskStatus.of(TaskState.NEW, now, "created"));
    }
}
