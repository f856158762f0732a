package io.jswarm.testkit.hosts;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Removes the cgroups a host's daemon created under the cgroup parent the harness gave it. Works on
 * cgroup v1 (one hierarchy per controller under /sys/fs/cgroup), hybrid, and pure v2 machines: every
 * mounted hierarchy is searched for a top-level directory with the name.
 */
final class Cgroups {
    static final Path ROOT = Path.of("/sys/fs/cgroup");

    private Cgroups() {}

    /** Top-level cgroup directories across all hierarchies whose name satisfies {@code ours}. */
    static List<Path> find(Predicate<String> ours) {
        List<Path> out = new ArrayList<>();
        for (Path h : hierarchies()) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(h, p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))) {
                for (Path d : ds) {
                    if (ours.test(d.getFileName().toString())) {
                        out.add(d);
                    }
                }
            } catch (IOException e) {
                // hierarchy not readable: nothing of ours can be there
            }
        }
        return out;
    }

    /**
     * Kills every process in the cgroup tree (thawing a v1 freezer first, since a frozen task never
     * dies) and removes the directories deepest first. Returns the directories that could not be removed.
     */
    static List<Path> remove(Path cgroup) {
        List<Path> dirs;
        try (Stream<Path> walk = Files.walk(cgroup)) {
            dirs = walk.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .sorted(Comparator.comparingInt(Path::getNameCount).reversed()).toList();
        } catch (IOException e) {
            return Files.exists(cgroup) ? List.of(cgroup) : List.of();
        }
        for (Path d : dirs) {
            Path freezer = d.resolve("freezer.state");
            if (Files.exists(freezer)) {
                try {
                    Files.writeString(freezer, "THAWED");
                } catch (IOException e) {
                    // best effort: a failed thaw shows up as a directory we cannot remove
                }
            }
        }
        long deadline = System.nanoTime() + 5_000_000_000L;
        List<Path> failed = new ArrayList<>();
        for (Path d : dirs) {
            while (true) {
                List<Long> pids = pids(d);
                for (long pid : pids) {
                    ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
                }
                try {
                    Files.deleteIfExists(d); // rmdir: succeeds once the cgroup is empty
                    break;
                } catch (IOException e) {
                    if (System.nanoTime() > deadline) {
                        failed.add(d);
                        break;
                    }
                    java.util.concurrent.locks.LockSupport.parkNanos(10_000_000L);
                }
            }
        }
        return failed;
    }

    private static List<Long> pids(Path cgroup) {
        try {
            return Files.readAllLines(cgroup.resolve("cgroup.procs")).stream()
                    .filter(s -> !s.isBlank()).map(s -> Long.parseLong(s.strip())).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** /sys/fs/cgroup itself on pure v2, else each mounted controller directory (symlinks skipped, they alias). */
    static List<Path> hierarchies() {
        List<Path> out = new ArrayList<>();
        if (Files.exists(ROOT.resolve("cgroup.procs"))) {
            out.add(ROOT);
            return out;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(ROOT)) {
            for (Path d : ds) {
                if (Files.isDirectory(d, LinkOption.NOFOLLOW_LINKS) && Files.exists(d.resolve("cgroup.procs"))) {
                    out.add(d);
                }
            }
        } catch (IOException e) {
            // no cgroup filesystem: nothing to clean
        }
        return out;
    }
}
