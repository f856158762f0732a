package io.jswarm.worker.task;

/**
 * The narrow interface between a task and whatever runs it (swarmkit's exec.Controller). Every
 * method is idempotent, because a restarted worker replays them against a container that may
 * already be prepared, running or gone; each throws {@link ControllerException} with a message a
 * user can act on.
 */
public interface Controller {
    /** Everything before the start: image, rootfs, network, bundle. Failure rejects the task. */
    void prepare();

    /** Starts the process; returns once it runs. A container that already runs is left alone. */
    void start();

    /** Non-blocking look at the running container: exited, health, or still running. */
    Observation observe();

    /** Stops with the configured signal, SIGKILL after the grace period. */
    void shutdown();

    /** Stops at once (SIGKILL). */
    void terminate();

    /** Removes every trace (container, cgroups, mounts, network). */
    void remove();
}
