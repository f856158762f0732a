package io.jswarm.worker.image;

/** The registry refused our credentials, or wants credentials we do not have. */
public final class UnauthorizedException extends ImageException {
    private static final long serialVersionUID = 1L;

    public UnauthorizedException(String message) {
        super(message);
    }
}
