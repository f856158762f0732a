package io.jswarm.manager.store;

/**
 * The store could not commit or confirm a read in time, typically because a majority of managers
 * is unreachable. For a write the outcome is unknown: it may still commit later.
 */
public final class UnavailableException extends StoreException {
    private static final long serialVersionUID = 1L;

    public UnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
