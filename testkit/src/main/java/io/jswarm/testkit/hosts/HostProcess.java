package io.jswarm.testkit.hosts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * A process started on a {@link Host}: it runs inside the host's network namespace as the leader of
 * its own session and process group (pgid == pid), so a signal to the group reaches the process and
 * every child it did not move to a session of its own, the way a machine crash would. Children that
 * call setsid (container shims) survive kill9, as containers survive an agent crash.
 *
 * <p>The JVM is the parent and reaps the process, so {@link #pid()} cannot be reused while this
 * handle reports it alive.
 */
public final class HostProcess {
    private final Host host;
    private final List<String> command;
    private final Process process;
    private final Path logFile;

    HostProcess(Host host, List<String> command, Process process, Path logFile) {
        this.host = host;
        this.command = List.copyOf(command);
        this.process = process;
        this.logFile = logFile;
    }

    public Host host() {
        return host;
    }

    public List<String> command() {
        return command;
    }

    public long pid() {
        return process.pid();
    }

    /** The process group, which equals the pid: the harness starts every process through setsid. */
    public long processGroup() {
        return process.pid();
    }

    public Path logFile() {
        return logFile;
    }

    /** The log so far, for assertion messages. */
    public String log() {
        try {
            return Files.readString(logFile);
        } catch (IOException e) {
            return "(log " + logFile + " unreadable: " + e + ")";
        }
    }

    /** True until the process has exited; a stopped (SIGSTOP) process is alive. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** Whether the kernel reports the process as stopped by a signal (state T in /proc/pid/stat). */
    public boolean isStopped() {
        try {
            return ProcStat.state(Files.readString(Path.of("/proc", Long.toString(pid()), "stat"))) == 'T';
        } catch (IOException e) {
            return false; // gone
        }
    }

    /** The exit code once exited; 128 + n when killed by signal n (137 after SIGKILL). */
    public OptionalInt exitCode() {
        return process.isAlive() ? OptionalInt.empty() : OptionalInt.of(process.exitValue());
    }

    /** Waits up to {@code timeout} for the exit and returns its code, empty if still running. */
    public OptionalInt waitFor(Duration timeout) {
        try {
            process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return exitCode();
    }

    /** SIGKILL to the whole process group, then waits for the exit: a crash of the host's process. */
    public int kill9() {
        signalGroup("KILL");
        return waitFor(Duration.ofSeconds(10)).orElseThrow(() ->
                new HostsException("pid " + pid() + " still alive 10 s after SIGKILL"));
    }

    /** SIGSTOP to the process group: the process freezes, but its kernel sockets still accept connections. */
    public void stop() {
        signalGroup("STOP");
    }

    /** SIGCONT to the process group. */
    public void cont() {
        signalGroup("CONT");
    }

    /**
     * SIGTERM (and SIGCONT, so a stopped process can act on it); if it has not exited within
     * {@code grace}, SIGKILL. Returns the exit code.
     */
    public int terminate(Duration grace) {
        if (!isAlive()) {
            return process.exitValue();
        }
        signalGroup("TERM");
        signalGroup("CONT");
        OptionalInt code = waitFor(grace);
        return code.isPresent() ? code.getAsInt() : kill9();
    }

    /**
     * Sends {@code signal} to the process group while its leader lives. The kernel cannot reuse the
     * group's number while the leader is unreaped, and this JVM does the reaping, so the signal cannot
     * reach a stranger. Once the leader has gone, the number could in principle belong to a new
     * group, so nothing is sent; members left behind are removed by the namespace sweep at cleanup.
     */
    void signalGroup(String signal) {
        if (!isAlive()) {
            return;
        }
        Command.Result r = Command.tryRun("kill", "-s", signal, "--", "-" + processGroup());
        if (!r.ok() && isAlive() && !r.output().contains("No such process")) {
            throw new HostsException("kill -s " + signal + " -" + processGroup() + " failed: " + r.output().strip());
        }
    }

    @Override
    public String toString() {
        return "HostProcess[" + host.name() + " pid " + pid() + " " + String.join(" ", command) + "]";
    }
}
