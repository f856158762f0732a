package io.jswarm.testkit.hosts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Records which JVM owns a run (pid and kernel start time, which together survive pid reuse) and
 * where its directory is, in a machine-wide registry ({@code /run/jswarm-hosts/<run prefix>}) that
 * does not depend on any JVM's temp dir setting. A run whose owner is gone is a leftover that any
 * later run may sweep; a run whose owner lives belongs to a parallel test JVM and is never touched.
 *
 * <p>Invariant: the record is written before any kernel object of the run exists and removed after
 * all of them are gone, so an object whose run has no live owner record is a leftover.
 */
final class RunOwner {
    /** tmpfs on every systemd machine and root-only: records vanish at reboot along with the namespaces. */
    static final Path REGISTRY = Path.of("/run/jswarm-hosts");

    private RunOwner() {}

    static void claim(String runPrefix, Path runDir) {
        long pid = ProcessHandle.current().pid();
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            Files.createDirectories(REGISTRY);
            Files.writeString(REGISTRY.resolve(runPrefix), pid + " " + ProcStat.startTime(stat) + "\n" + runDir.toAbsolutePath() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the owner of " + runPrefix + " in " + REGISTRY, e);
        }
    }

    /** Whether the process recorded as the owner of {@code runPrefix} still runs. */
    static boolean isLive(String runPrefix) {
        try {
            String[] f = Files.readAllLines(REGISTRY.resolve(runPrefix)).get(0).strip().split("\\s+");
            String stat = Files.readString(Path.of("/proc", f[0], "stat"));
            return ProcStat.startTime(stat) == Long.parseLong(f[1]);
        } catch (IOException | RuntimeException e) {
            return false; // no record, owner gone, or unreadable: nobody owns the run
        }
    }

    /** The run directory recorded for {@code runPrefix}, if a record exists. */
    static Optional<Path> runDir(String runPrefix) {
        try {
            return Optional.of(Path.of(Files.readAllLines(REGISTRY.resolve(runPrefix)).get(1).strip()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Removes the record: the last step of a cleanup. */
    static void release(String runPrefix) {
        try {
            Files.deleteIfExists(REGISTRY.resolve(runPrefix));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the owner record of " + runPrefix, e);
        }
    }
}
