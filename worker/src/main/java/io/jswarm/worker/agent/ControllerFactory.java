package io.jswarm.worker.agent;

import io.jswarm.api.task.Task;
import io.jswarm.worker.task.Controller;

/** Makes the controller of a task (a container on a real node; a fake in agent tests). */
@FunctionalInterface
public interface ControllerFactory {
    Controller create(Task task);
}
