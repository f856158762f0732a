package io.jswarm.testkit.hosts;

/** Exit code and combined output of a one-off command run inside a host. */
public record ExecResult(int exitCode, String output) {
    public boolean ok() {
        return exitCode == 0;
    }
}
