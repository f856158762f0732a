package io.jswarm.worker.agent;

import io.jswarm.api.task.TaskStatus;

/** A task's new observed status, as the worker reports it to the managers. */
public record StatusUpdate(String taskId, TaskStatus status) {}
