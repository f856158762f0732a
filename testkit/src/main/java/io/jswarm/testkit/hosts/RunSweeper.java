package io.jswarm.testkit.hosts;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Removes every kernel object and file of one run, identified only by its run prefix, so the same
 * code serves a normal close, the shutdown hook, and the sweep of a crashed run. Each step only
 * touches what exists, which makes the whole sweep idempotent; it keeps going after a failure and
 * returns what it could not remove.
 *
 * <p>Order matters: processes first (they hold mounts, cgroups and namespaces), then cgroups, then
 * mounts below the run directory, then links and namespaces, then the directory, and the owner
 * record last (see {@link RunOwner}).
 */
final class RunSweeper {
    private RunSweeper() {}

    static List<String> sweep(String runPrefix, Path runDir) {
        List<String> problems = new ArrayList<>();
        Predicate<String> ours = name -> RunNames.runPrefixOf(name, familyOf(runPrefix)).filter(runPrefix::equals).isPresent();
        for (String ns : HostNetwork.namespaces()) {
            if (ours.test(ns)) {
                List<Long> left = NetnsProcesses.killAll(ns);
                if (!left.isEmpty()) {
                    problems.add("processes in " + ns + " survived SIGKILL: " + left);
                }
            }
        }
        for (Path cg : Cgroups.find(ours)) {
            for (Path failed : Cgroups.remove(cg)) {
                problems.add("cgroup not removable: " + failed);
            }
        }
        for (Path m : Mounts.unmountAll(runDir, runPrefix + "-")) {
            problems.add("mount not removable: " + m);
        }
        HostNetwork.destroy(ours);
        for (String l : HostNetwork.links()) {
            if (ours.test(l)) {
                problems.add("link left: " + l);
            }
        }
        for (String ns : HostNetwork.namespaces()) {
            if (ours.test(ns)) {
                problems.add("netns left: " + ns);
            }
        }
        deleteTree(runDir).ifPresent(problems::add);
        if (problems.isEmpty()) {
            RunOwner.release(runPrefix); // last: until now a crash leaves the run findable as a leftover
        }
        return problems;
    }

    /** Deletes a directory tree without following symlinks. */
    static Optional<String> deleteTree(Path dir) {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                    if (exc != null) {
                        throw exc;
                    }
                    Files.delete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("cannot delete " + dir + ": " + e);
        }
    }

    /** The family prefix of a run prefix (the run id is its last four characters). */
    static String familyOf(String runPrefix) {
        return runPrefix.substring(0, runPrefix.length() - RunNames.RUN_ID_LENGTH);
    }
}
