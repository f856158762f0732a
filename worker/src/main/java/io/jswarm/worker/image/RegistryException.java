package io.jswarm.worker.image;

/** The registry answered with an error we cannot fix by retrying (or kept failing after the retries). */
public final class RegistryException extends ImageException {
    private static final long serialVersionUID = 1L;

    public RegistryException(String message) {
        super(message);
    }

    public RegistryException(String message, Throwable cause) {
        super(message, cause);
    }
}
