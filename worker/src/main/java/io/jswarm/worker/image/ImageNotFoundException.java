package io.jswarm.worker.image;

/** The image (or one of its blobs) is neither in the local store nor in the registry asked. */
public final class ImageNotFoundException extends ImageException {
    private static final long serialVersionUID = 1L;

    public ImageNotFoundException(String message) {
        super(message);
    }
}
