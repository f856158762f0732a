package io.jswarm.api.task;

/** What the worker knows of the container behind a task; exitCode is null until it exits. */
public record ContainerStatus(String containerId, Integer pid, Integer exitCode) {}
