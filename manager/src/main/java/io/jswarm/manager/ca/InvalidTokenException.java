package io.jswarm.manager.ca;

/** A join token that is malformed, or whose secret or CA digest does not match. */
public final class InvalidTokenException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidTokenException(String message) {
        super(message);
    }
}
