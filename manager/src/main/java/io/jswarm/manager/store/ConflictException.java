package io.jswarm.manager.store;

/**
 * An update based on a stale read: someone else wrote the row first, or it exists / no longer
 * exists. Nothing of the update was applied; the caller re-reads and tries again.
 */
public final class ConflictException extends StoreException {
    private static final long serialVersionUID = 1L;

    public ConflictException(String message) {
        super(message);
    }
}
