package io.jswarm.worker.image;

/** An image reference the user typed does not follow Docker's rules; the message says which part is wrong. */
public final class InvalidReferenceException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidReferenceException(String reference, String problem) {
        super("invalid image reference '" + reference + "': " + problem);
    }
}
