package io.jswarm.testkit.hosts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Size-limited tmpfs data dirs, and finding/removing the mounts a run made. */
final class Mounts {
    private Mounts() {}

    /** One line of /proc/mounts. */
    record Mount(String source, Path target, String type) {}

    /**
     * Mounts a tmpfs of {@code bytes} at {@code dir}, with a source name carrying the run prefix so
     * that /proc/mounts shows whose it is even if the run crashed.
     */
    static void mountTmpfs(String source, Path dir, long bytes) {
        if (bytes < 4096) {
            throw new IllegalArgumentException("size: must be at least 4096 bytes, got " + bytes);
        }
        Command.run("mount", "-t", "tmpfs", "-o", "size=" + bytes + ",mode=0755", source, dir.toString());
    }

    static List<Mount> list() {
        try {
            return parse(Files.readString(Path.of("/proc/mounts")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read /proc/mounts", e);
        }
    }

    static List<Mount> parse(String procMounts) {
        List<Mount> out = new ArrayList<>();
        for (String line : procMounts.split("\n")) {
            String[] f = line.split(" ");
            if (f.length >= 3) {
                out.add(new Mount(unescape(f[0]), Path.of(unescape(f[1])), f[2]));
            }
        }
        return out;
    }

    /**
     * Unmounts every mount at or below {@code root} or whose source starts with {@code sourcePrefix},
     * deepest first (a daemon may have mounted container root filesystems inside its data dir).
     * Falls back to a lazy unmount when a mount is still busy, so cleanup never stalls on it.
     * Returns the mount points that could not be removed.
     */
    static List<Path> unmountAll(Path root, String sourcePrefix) {
        List<Path> failed = new ArrayList<>();
        // Repeat: a path may carry stacked mounts; each umount removes only the top one.
        for (int round = 0; round < 5; round++) {
            List<Path> targets = list().stream()
                    .filter(m -> m.target().startsWith(root) || m.source().startsWith(sourcePrefix))
                    .map(Mount::target)
                    .sorted(Comparator.comparingInt(Path::getNameCount).reversed())
                    .toList();
            if (targets.isEmpty()) {
                return failed;
            }
            failed.clear();
            for (Path t : targets) {
                if (!Command.tryRun("umount", t.toString()).ok() && !Command.tryRun("umount", "-l", t.toString()).ok()) {
                    failed.add(t);
                }
            }
        }
        return failed;
    }

    /** /proc/mounts escapes space, tab, newline and backslash as octal. */
    private static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 3 < s.length()) {
                b.append((char) Integer.parseInt(s.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
