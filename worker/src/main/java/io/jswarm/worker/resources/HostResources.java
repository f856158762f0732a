package io.jswarm.worker.resources;

import io.jswarm.api.node.NodeResources;
import io.jswarm.api.units.Cpus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The capacity a worker reports to the managers for scheduling: CPUs as the JVM sees them (which
 * honours a cpuset or CPU quota the worker itself runs under) and the machine's total memory from
 * /proc/meminfo.
 */
public final class HostResources {
    private HostResources() {}

    public static NodeResources ofThisHost() {
        try {
            return of(Runtime.getRuntime().availableProcessors(), Files.readString(Path.of("/proc/meminfo")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read /proc/meminfo", e);
        }
    }

    public static NodeResources of(int cpus, String meminfo) {
        if (cpus < 1) {
            throw new IllegalArgumentException("CPU count must be positive, got " + cpus);
        }
        return new NodeResources(cpus * Cpus.NANOS_PER_CPU, memTotalBytes(meminfo));
    }

    /** MemTotal from /proc/meminfo text ("MemTotal:       24684296 kB"). */
    public static long memTotalBytes(String meminfo) {
        for (String line : meminfo.lines().toList()) {
            if (line.startsWith("MemTotal:")) {
                String[] f = line.substring("MemTotal:".length()).trim().split("\\s+");
                long value = Long.parseLong(f[0]);
                if (f.length > 1 && !f[1].equalsIgnoreCase("kB")) {
                    throw new IllegalArgumentException("unexpected MemTotal unit \"" + f[1] + "\"");
                }
                return f.length > 1 ? value * 1024 : value;
            }
        }
        throw new IllegalArgumentException("/proc/meminfo has no MemTotal line");
    }
}
