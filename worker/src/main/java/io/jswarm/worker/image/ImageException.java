package io.jswarm.worker.image;

/**
 * A failure the user can act on (unknown image, unauthorized, corrupt content, malformed image);
 * the message is meant to be shown as is. Plain I/O trouble stays an {@link java.io.IOException}.
 */
public class ImageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ImageException(String message) {
        super(message);
    }

    public ImageException(String message, Throwable cause) {
        super(message, cause);
    }
}
