package io.jswarm.worker.image;

/**
 * Per-layer progress of a pull, push or cluster fetch, for the CLI's progress bars. Called from
 * the transferring thread; implementations must be quick and must not throw.
 */
public interface ProgressListener {
    ProgressListener NONE = new ProgressListener() {};

    /** The manifest of {@code reference} resolved to {@code manifestDigest}. */
    default void resolved(String reference, Digest manifestDigest) {}

    /** A blob transfer starts ({@code size} bytes). */
    default void started(Digest blob, long size) {}

    /** {@code done} of {@code size} bytes transferred so far. */
    default void progress(Digest blob, long done, long size) {}

    /** The blob is stored (or pushed); {@code alreadyThere} when nothing had to be transferred. */
    default void finished(Digest blob, long size, boolean alreadyThere) {}
}
