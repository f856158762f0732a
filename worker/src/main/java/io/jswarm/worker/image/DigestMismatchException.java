package io.jswarm.worker.image;

/** Content did not hash to the digest it was asked for; by the time this is thrown nothing of it is kept. */
public final class DigestMismatchException extends ImageException {
    private static final long serialVersionUID = 1L;
    private final Digest expected;
    private final Digest actual;

    public DigestMismatchException(String what, Digest expected, Digest actual) {
        super(what + " is corrupt: expected " + expected + (actual == null ? " but the content is longer than announced"
                : " but the content hashes to " + actual) + " (nothing was kept)");
        this.expected = expected;
        this.actual = actual;
    }

    public Digest expected() {
        return expected;
    }

    /** What the content hashed to; null when it was refused for being too long before it ended. */
    public Digest actual() {
        return actual;
    }
}
