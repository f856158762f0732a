package io.jswarm.cli;

/** The exit codes of {@code jswarm}, so scripts can tell a bad command line from a failed operation. */
public final class ExitCodes {
    private ExitCodes() {}

    public static final int OK = 0;
    /** The operation was refused or failed (bad input, conflict, error from the cluster). */
    public static final int FAILED = 1;
    /** The command line itself was wrong (unknown option, missing argument). */
    public static final int USAGE = 2;
    /** No daemon answered at the address the command targets. */
    public static final int NO_DAEMON = 3;
    /** The command exists in the command tree but this build does not provide it yet. */
    public static final int NOT_AVAILABLE = 4;
}
