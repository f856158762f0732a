package io.jswarm.worker.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A container's root filesystem: the image layers as overlayfs lower dirs (read-only, shared by
 * every container of the image) under a per-container upper dir that takes every write. The
 * mount is made by the mount(8) tool in the host mount namespace (never from a JVM thread).
 */
public final class OverlayRootfs {
    private OverlayRootfs() {}

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** overlayfs wants the topmost layer first; images list them lowest first. */
    static String options(List<Path> layersLowestFirst, Path upper, Path work) {
        List<String> lower = new ArrayList<>();
        layersLowestFirst.forEach(p -> lower.add(p.toString()));
        Collections.reverse(lower);
        for (String l : lower) {
            if (l.contains(":") || l.contains(",")) {
                throw new IllegalArgumentException("layer path " + l + " contains ':' or ',' which overlayfs options cannot carry");
            }
        }
        return "lowerdir=" + String.join(":", lower) + ",upperdir=" + upper + ",workdir=" + work;
    }

    public static void mount(List<Path> layersLowestFirst, Path upper, Path work, Path target) {
        try {
            Files.createDirectories(upper);
            Files.createDirectories(work);
            Files.createDirectories(target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Command.run(List.of("mount", "-t", "overlay", "overlay", "-o", options(layersLowestFirst, upper, work),
                target.toString()), TIMEOUT).orThrow();
    }

    public static boolean isMounted(Path target) {
        try {
            String t = target.toAbsolutePath().normalize().toString();
            return Files.readAllLines(Path.of("/proc/self/mounts")).stream()
                    .map(l -> l.split(" "))
                    .anyMatch(f -> f.length > 1 && f[1].equals(t));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Unmounts if mounted; a busy mount is detached lazily so removal can always proceed. */
    public static void unmount(Path target) {
        if (!isMounted(target)) {
            return;
        }
        if (!Command.run(List.of("umount", target.toString()), TIMEOUT).ok()) {
            Command.run(List.of("umount", "-l", target.toString()), TIMEOUT).orThrow();
        }
    }
}
