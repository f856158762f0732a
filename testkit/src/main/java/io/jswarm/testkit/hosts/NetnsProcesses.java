package io.jswarm.testkit.hosts;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Finds processes by the network namespace they live in. This catches everything a host ran,
 * including children that left the harness's process group (setsid'd shims) and processes of a
 * crashed earlier run whose pids nobody recorded.
 */
final class NetnsProcesses {
    private NetnsProcesses() {}

    /** The inode of a named namespace (/run/netns/NAME is a bind mount of the nsfs inode). */
    static OptionalLong inode(String netns) {
        try {
            return OptionalLong.of((Long) Files.getAttribute(Path.of("/run/netns", netns), "unix:ino"));
        } catch (IOException | UnsupportedOperationException e) {
            return OptionalLong.empty();
        }
    }

    /** Pids whose /proc/PID/ns/net is namespace inode {@code ino}. */
    static List<Long> pidsIn(long ino) {
        String wanted = "net:[" + ino + "]";
        List<Long> pids = new ArrayList<>();
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), p -> isPid(p.getFileName().toString()))) {
            for (Path p : procs) {
                try {
                    if (wanted.equals(Files.readSymbolicLink(p.resolve("ns/net")).toString())) {
                        pids.add(Long.parseLong(p.getFileName().toString()));
                    }
                } catch (IOException e) {
                    // exited while we looked, or a kernel thread: not ours
                }
            }
        } catch (IOException e) {
            throw new HostsException("cannot list /proc", e);
        }
        return pids;
    }

    /** SIGKILLs every process in the namespace until none is left (bounded); returns the survivors. */
    static List<Long> killAll(String netns) {
        OptionalLong ino = inode(netns);
        if (ino.isEmpty()) {
            return List.of();
        }
        long deadline = System.nanoTime() + 5_000_000_000L;
        List<Long> pids = pidsIn(ino.getAsLong());
        while (!pids.isEmpty() && System.nanoTime() < deadline) {
            for (long pid : pids) {
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(10_000_000L); // let the kernel finish the kills
            pids = pidsIn(ino.getAsLong());
        }
        return pids;
    }

    private static boolean isPid(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
