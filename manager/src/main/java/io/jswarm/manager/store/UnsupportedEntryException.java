package io.jswarm.manager.store;

/** A log entry this manager cannot apply: written by a newer manager or of an unknown type. */
public final class UnsupportedEntryException extends StoreException {
    private static final long serialVersionUID = 1L;

    public UnsupportedEntryException(String message) {
        super(message);
    }
}
