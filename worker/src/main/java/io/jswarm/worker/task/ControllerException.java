package io.jswarm.worker.task;

/** A controller step failed; the message goes into the task status as is ("runc: …", "image not found: …"). */
public final class ControllerException extends RuntimeException {
    public ControllerException(String message) {
        super(message);
    }

    public ControllerException(String message, Throwable cause) {
        super(message, cause);
    }
}
