package io.jswarm.worker.runtime;

import java.nio.file.Path;
import java.util.List;

/**
 * The per-container shim: a /bin/sh script run in its own session (setsid) that runs the OCI
 * runtime in the foreground with the container's stdout/stderr appended to log files, then writes
 * the runtime's exit status (the container's) to the exit file by rename, so readers never see a
 * half-written file. Files rather than pipes to the JVM: when the worker dies, a pipe would break
 * and SIGPIPE the container; files keep it running.
 *
 * <p>Every log line is prefixed with the time it was written (RFC 3339, UTC, microseconds, then
 * one space: {@code 2026-01-01T10:00:00.123456Z hello}), which {@code service logs --since} and
 * {@code --timestamps} need. The stamping is done by one small perl process per stream reading a
 * FIFO: no fork per line, ~4 ms of start-up off the container's critical path (runc only waits for
 * the FIFO's reader to open it), no POSIX module (it would cost ~7 ms more per stream). The shim
 * waits for both to drain before it writes the exit file, so a reader that sees the exit file sees
 * every line. A line still unterminated when the stream ends gets a newline. The stampers are in
 * the shim's session, so like the shim they outlive the worker.
 */
public final class ShimScript {
    /** Reads lines on stdin, writes them stamped to stdout, unbuffered. No single quotes (it is sh-quoted). */
    static final String STAMPER = "use Time::HiRes qw(time); $|=1;"
            + " while (defined(my $l = <STDIN>)) { my $t = time; my @g = gmtime($t); $l .= \"\\n\" unless $l =~ /\\n\\z/;"
            + " printf \"%04d-%02d-%02dT%02d:%02d:%02d.%06dZ %s\", $g[5] + 1900, $g[4] + 1, $g[3], $g[2], $g[1], $g[0],"
            + " ($t - int($t)) * 1e6, $l; }";

    static final String PERL = "/usr/bin/perl";

    private ShimScript() {}

    public static String render(String containerId, List<String> runtimeArgv, ContainerDirs dirs) {
        StringBuilder argv = new StringBuilder();
        for (String a : runtimeArgv) {
            argv.append(quote(a)).append(' ');
        }
        String exitTmp = dirs.exitFile() + ".tmp";
        String out = quote(stdoutPipe(dirs).toString());
        String err = quote(stderrPipe(dirs).toString());
        String stamper = quote(PERL) + " -e " + quote(STAMPER);
        return "#!/bin/sh\n"
                + "# jswarm shim for container " + containerId + "\n"
                + "cd /\n"
                + "rm -f " + out + " " + err + "\n"
                + "mkfifo -m 600 " + out + " " + err + " || exit 125\n"
                // The log path is also an (unused) argument, so that ps, and leak checks, can tell
                // whose stamper a process is.
                + stamper + " " + quote(dirs.stdoutLog().toString()) + " <" + out + " >>" + quote(dirs.stdoutLog().toString()) + " &\n"
                + stamper + " " + quote(dirs.stderrLog().toString()) + " <" + err + " >>" + quote(dirs.stderrLog().toString()) + " &\n"
                + argv + "</dev/null >" + out + " 2>" + err + "\n"
                + "code=$?\n"
                + "wait\n"
                + "rm -f " + out + " " + err + "\n"
                + "echo \"$code\" >" + quote(exitTmp) + " && mv " + quote(exitTmp) + " " + quote(dirs.exitFile().toString()) + "\n";
    }

    static Path stdoutPipe(ContainerDirs dirs) {
        return dirs.logs().resolve("stdout.pipe");
    }

    static Path stderrPipe(ContainerDirs dirs) {
        return dirs.logs().resolve("stderr.pipe");
    }

    /** POSIX single-quoting: safe for any byte string except NUL. */
    static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
