package io.jswarm.worker.runtime;

import java.time.Instant;

/**
 * How a container ended. An OOM kill is reported as exit 137 with {@code oomKilled} set, whatever
 * the init made of it, because that is what the user has to fix (the memory limit).
 * {@code statusLost}: the shim died before the container ended, so nobody saw the real code (255).
 */
public record ExitStatus(int exitCode, boolean oomKilled, Instant finishedAt, boolean statusLost) {
    public String message() {
        if (statusLost && !oomKilled) {
            return "exit status lost: the container's shim died before the container exited";
        }
        if (oomKilled) {
            return "OOM killed (exit code " + exitCode + "): the container used more memory than its limit";
        }
        if (exitCode > 128 && exitCode < 128 + 65) {
            return "killed by signal " + (exitCode - 128) + " (exit code " + exitCode + ")";
        }
        return "exited with code " + exitCode;
    }
}
