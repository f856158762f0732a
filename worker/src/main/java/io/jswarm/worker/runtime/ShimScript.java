package io.jswarm.worker.runtime;

import java.util.List;

/**
 * The per-container shim: a /bin/sh script run in its own session (setsid) that runs the OCI
 * runtime in the foreground with the container's stdout/stderr appended to log files, then writes
 * the runtime's exit status (the container's) to the exit file by rename, so readers never see a
 * half-written file. Files rather than pipes to the JVM: when the worker dies, a pipe would break
 * and SIGPIPE the container; files keep it running.
 */
public final class ShimScript {
    private ShimScript() {}

    public static String render(String containerId, List<String> runtimeArgv, ContainerDirs dirs) {
        StringBuilder argv = new StringBuilder();
        for (String a : runtimeArgv) {
            argv.append(quote(a)).append(' ');
        }
        String exitTmp = dirs.exitFile() + ".tmp";
        return "#!/bin/sh\n"
                + "# jswarm shim for container " + containerId + "\n"
                + "cd /\n"
                + argv + "</dev/null >>" + quote(dirs.stdoutLog().toString()) + " 2>>" + quote(dirs.stderrLog().toString()) + "\n"
                + "code=$?\n"
                + "echo \"$code\" >" + quote(exitTmp) + " && mv " + quote(exitTmp) + " " + quote(dirs.exitFile().toString()) + "\n";
    }

    /** POSIX single-quoting: safe for any byte string except NUL. */
    static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
