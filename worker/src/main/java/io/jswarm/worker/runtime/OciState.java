package io.jswarm.worker.runtime;

/** A runtime's view of one container ({@code runc state}); status is creating, created, running, paused or stopped. */
public record OciState(String id, String status, long pid, String bundle) {
    public boolean running() {
        return status.equals("running") || status.equals("paused");
    }
}
