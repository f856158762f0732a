package io.jswarm.worker.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How cgroups are mounted on this host. Hybrid hosts (this project's machines) have every
 * controller on a v1 hierarchy under /sys/fs/cgroup/&lt;controller&gt; and a cgroup2 mount with no
 * controllers at /sys/fs/cgroup/unified; systemd hosts have a single cgroup2 at /sys/fs/cgroup.
 * A container's cgroup exists once per hierarchy, so removal must visit every one of them.
 *
 * @param v1Hierarchies mount option naming the hierarchy (e.g. "memory", "cpu,cpuacct",
 *                      "name=systemd") → its mount point; empty on a pure v2 host
 * @param unified       the cgroup2 mount point, or null if there is none
 */
public record CgroupLayout(Map<String, Path> v1Hierarchies, Path unified) {
    public CgroupLayout {
        v1Hierarchies = Map.copyOf(v1Hierarchies);
    }

    /** Controllers live on v2 only when no v1 hierarchy carries them. */
    public boolean pureV2() {
        return v1Hierarchies.isEmpty() && unified != null;
    }

    public static CgroupLayout detect() {
        try {
            return parse(Files.readString(Path.of("/proc/self/mounts")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read /proc/self/mounts", e);
        }
    }

    /** Parses /proc/mounts text ("cgroup /sys/fs/cgroup/memory cgroup rw,relatime,memory 0 0"). */
    public static CgroupLayout parse(String mounts) {
        Map<String, Path> v1 = new LinkedHashMap<>();
        Path unified = null;
        for (String line : mounts.lines().toList()) {
            String[] f = line.split(" ");
            if (f.length < 4) {
                continue;
            }
            if (f[2].equals("cgroup2")) {
                unified = Path.of(f[1]);
            } else if (f[2].equals("cgroup")) {
                List<String> names = new ArrayList<>();
                for (String opt : f[3].split(",")) {
                    if (!List.of("rw", "ro", "relatime", "nosuid", "nodev", "noexec", "clone_children").contains(opt)
                            && !opt.startsWith("release_agent")) {
                        names.add(opt);
                    }
                }
                if (!names.isEmpty()) {
                    v1.put(String.join(",", names), Path.of(f[1]));
                }
            }
        }
        return new CgroupLayout(v1, unified);
    }

    /** Every directory a cgroup path occupies, one per hierarchy (v1 ones and the cgroup2 one). */
    public List<Path> directories(String cgroupPath) {
        String rel = cgroupPath.startsWith("/") ? cgroupPath.substring(1) : cgroupPath;
        List<Path> dirs = new ArrayList<>();
        v1Hierarchies.values().forEach(root -> dirs.add(root.resolve(rel)));
        if (unified != null) {
            dirs.add(unified.resolve(rel));
        }
        return dirs;
    }

    /** The directory holding the memory controller's files for {@code cgroupPath}. */
    public Path memoryDir(String cgroupPath) {
        return controllerDir("memory", cgroupPath);
    }

    public Path pidsDir(String cgroupPath) {
        return controllerDir("pids", cgroupPath);
    }

    Path controllerDir(String controller, String cgroupPath) {
        String rel = cgroupPath.startsWith("/") ? cgroupPath.substring(1) : cgroupPath;
        for (Map.Entry<String, Path> h : v1Hierarchies.entrySet()) {
            if (List.of(h.getKey().split(",")).contains(controller)) {
                return h.getValue().resolve(rel);
            }
        }
        if (unified == null) {
            throw new IllegalStateException("no cgroup hierarchy carries the " + controller + " controller");
        }
        return unified.resolve(rel);
    }

    /** Whether memory+swap can be limited: v1 needs swap accounting (memsw files), v2 always can. */
    public boolean swapAccounting() {
        if (pureV2()) {
            return true;
        }
        return Files.exists(memoryDir("/").resolve("memory.memsw.limit_in_bytes"));
    }
}
