package io.jswarm.worker.runtime;

/**
 * A container found on disk by a (re)started worker.
 *
 * @param supervised whether its shim still runs (it will record the exit status)
 * @param processes  processes in its cgroup right now
 */
public record RecoveredContainer(String id, State state, Long pid, ExitStatus exit, boolean supervised, int processes) {
    public enum State {
        /** Bundle ready, never started. */
        CREATED,
        RUNNING,
        EXITED,
        /** Started, not running, and no exit status: the shim died with it (e.g. the host rebooted). */
        LOST
    }
}
