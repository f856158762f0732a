package io.jswarm.worker.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/** Reads a container's cgroup counters and removes its directories, on v1 and v2 alike. */
public final class Cgroups {
    private final CgroupLayout layout;

    public Cgroups(CgroupLayout layout) {
        this.layout = layout;
    }

    public CgroupLayout layout() {
        return layout;
    }

    /**
     * How many processes the OOM killer took in this cgroup: v1 memory.oom_control's
     * {@code oom_kill}, v2 memory.events' {@code oom_kill}. Empty if the cgroup is gone.
     */
    public OptionalLong oomKills(String cgroupPath) {
        Path dir = layout.memoryDir(cgroupPath);
        Path file = layout.pureV2() ? dir.resolve("memory.events") : dir.resolve("memory.oom_control");
        return counter(file, "oom_kill");
    }

    /** Times a fork was refused at pids.max (pids.events {@code max}). */
    public OptionalLong pidsLimitHits(String cgroupPath) {
        return counter(layout.pidsDir(cgroupPath).resolve("pids.events"), "max");
    }

    public OptionalLong pidsCurrent(String cgroupPath) {
        return single(layout.pidsDir(cgroupPath).resolve("pids.current"));
    }

    /** Pids of every process in the cgroup (from the pids controller, which every container has). */
    public List<Long> processes(String cgroupPath) {
        Path procs = layout.pidsDir(cgroupPath).resolve("cgroup.procs");
        try {
            return Files.readAllLines(procs).stream().map(String::strip).filter(s -> !s.isEmpty()).map(Long::parseLong).toList();
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** CPU time used by the cgroup so far: v1 cpuacct.usage, v2 cpu.stat usage_usec. */
    public OptionalLong cpuUsageNanos(String cgroupPath) {
        if (layout.pureV2()) {
            OptionalLong usec = counter(layout.controllerDir("cpu", cgroupPath).resolve("cpu.stat"), "usage_usec");
            return usec.isPresent() ? OptionalLong.of(usec.getAsLong() * 1000) : usec;
        }
        return single(layout.controllerDir("cpuacct", cgroupPath).resolve("cpuacct.usage"));
    }

    public boolean exists(String cgroupPath) {
        return layout.directories(cgroupPath).stream().anyMatch(Files::isDirectory);
    }

    /**
     * Removes the cgroup from every hierarchy (children first). runc delete usually does this, but
     * not for hierarchies it does not manage (name=systemd, the empty cgroup2 of hybrid hosts) or
     * after a crash, so the worker always finishes the job. Returns the directories that could not
     * be removed (still holding processes).
     */
    public List<Path> remove(String cgroupPath) {
        List<Path> left = new ArrayList<>();
        for (Path dir : layout.directories(cgroupPath)) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (var walk = Files.walk(dir)) {
                // cgroupfs directories are removed with rmdir even though they list files.
                for (Path d : walk.filter(Files::isDirectory).sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                    if (!d.toFile().delete() && Files.isDirectory(d)) {
                        left.add(d);
                    }
                }
            } catch (IOException e) {
                left.add(dir);
            }
        }
        return left;
    }

    static OptionalLong counter(Path file, String key) {
        try {
            for (String line : Files.readAllLines(file)) {
                String[] kv = line.strip().split("\\s+");
                if (kv.length == 2 && kv[0].equals(key)) {
                    return OptionalLong.of(Long.parseLong(kv[1]));
                }
            }
            return OptionalLong.of(0);
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    private static OptionalLong single(Path file) {
        try {
            return OptionalLong.of(Long.parseLong(Files.readString(file).strip()));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
