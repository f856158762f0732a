package io.jswarm.compose.env;

/** A line of a .env file could not be read; {@code line} is 1-based. */
public final class DotEnvException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int line;

    public DotEnvException(int line, String message) {
        super("line " + line + ": " + message, null, false, false);
        this.line = line;
    }

    public int line() {
        return line;
    }
}
