package io.jswarm.worker.runtime;

/** The runtime could not start a container; the message carries the runtime's own words ("runc: …"). */
public final class ContainerStartException extends RuntimeException {
    public ContainerStartException(String message) {
        super(message);
    }
}
