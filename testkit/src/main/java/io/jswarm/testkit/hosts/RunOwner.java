package io.jswarm.testkit.hosts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Marks a run directory with the JVM that owns it (pid and kernel start time, which together
 * survive pid reuse). A run whose owner is gone is a leftover that any later run may sweep; a run
 * whose owner lives belongs to a parallel test JVM and must not be touched.
 *
 * <p>Invariant: the owner file is written before any kernel object of the run exists and deleted
 * after all of them are gone, so an object whose run has no live owner file is a leftover.
 */
final class RunOwner {
    static final String FILE = "owner";

    private RunOwner() {}

    static void claim(Path runDir) throws IOException {
        long pid = ProcessHandle.current().pid();
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        Files.writeString(runDir.resolve(FILE), pid + " " + ProcStat.startTime(stat) + "\n");
    }

    /** Whether the process recorded in {@code runDir}'s owner file still runs. */
    static boolean isLive(Path runDir) {
        try {
            String[] f = Files.readString(runDir.resolve(FILE)).strip().split("\\s+");
            String stat = Files.readString(Path.of("/proc", f[0], "stat"));
            return ProcStat.startTime(stat) == Long.parseLong(f[1]);
        } catch (IOException | RuntimeException e) {
            return false; // no owner file, owner gone, or unreadable: nobody owns the run
        }
    }
}
