package io.jswarm.api.units;

/** A value written by a user could not be read as a duration, size or CPU amount. */
public final class UnitFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public UnitFormatException(String message) {
        super(message);
    }
}
