package io.jswarm.worker.image;

/** A manifest, config, layer or archive is malformed or of a kind we do not support; the message says which field. */
public final class InvalidImageException extends ImageException {
    private static final long serialVersionUID = 1L;

    public InvalidImageException(String message) {
        super(message);
    }

    public InvalidImageException(String message, Throwable cause) {
        super(message, cause);
    }
}
