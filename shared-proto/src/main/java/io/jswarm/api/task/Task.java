package io.jswarm.api.task;

import io.jswarm.api.Meta;

/**
 * One attempt at running a slot of a service on one node. {@code slot} numbers replicated tasks
 * (1..n) and is 0 for global tasks, which are identified by their node instead. {@code nodeId} is
 * null until the scheduler assigns it.
 */
public record Task(
        String id,
        Meta meta,
        String serviceId,
        int slot,
        String nodeId,
        TaskSpec spec,
        long serviceVersion,
        TaskState desiredState,
        TaskStatus status) {

    /** This task with a new observed status; refuses to move the state backwards. */
    public Task withStatus(TaskStatus next) {
        status.state().moveTo(next.state());
        return new Task(id, meta, serviceId, slot, nodeId, spec, serviceVersion, desiredState, next);
    }

    /** The managers only ever raise the desired state (RUNNING → SHUTDOWN → REMOVE). */
    public Task withDesiredState(TaskState next) {
        desiredState.moveTo(next);
        return new Task(id, meta, serviceId, slot, nodeId, spec, serviceVersion, next, status);
    }

    public Task assignedTo(String node, TaskStatus assigned) {
        status.state().moveTo(assigned.state());
        return new Task(id, meta, serviceId, slot, node, spec, serviceVersion, desiredState, assigned);
    }

    public Task withMeta(Meta newMeta) {
        return new Task(id, newMeta, serviceId, slot, nodeId, spec, serviceVersion, desiredState, status);
    }
}
