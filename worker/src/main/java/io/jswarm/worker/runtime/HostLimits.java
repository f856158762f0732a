package io.jswarm.worker.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The host's hard resource limits, read from /proc/self/limits. Root here lacks CAP_SYS_RESOURCE,
 * so a container asking for a hard limit above the host's makes runc fail with EPERM: every
 * rlimit in a bundle is clamped to these.
 */
public final class HostLimits {
    /** RLIMIT name (e.g. RLIMIT_NOFILE) → hard limit; absent means unlimited. */
    private final Map<String, Long> hard;

    private HostLimits(Map<String, Long> hard) {
        this.hard = Map.copyOf(hard);
    }

    public static HostLimits unlimited() {
        return new HostLimits(Map.of());
    }

    public static HostLimits readSelf() {
        try {
            return parse(Files.readString(Path.of("/proc/self/limits")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read /proc/self/limits", e);
        }
    }

    private static final Map<String, String> ROW_TO_RLIMIT = Map.ofEntries(
            Map.entry("Max cpu time", "RLIMIT_CPU"), Map.entry("Max file size", "RLIMIT_FSIZE"),
            Map.entry("Max data size", "RLIMIT_DATA"), Map.entry("Max stack size", "RLIMIT_STACK"),
            Map.entry("Max core file size", "RLIMIT_CORE"), Map.entry("Max resident set", "RLIMIT_RSS"),
            Map.entry("Max processes", "RLIMIT_NPROC"), Map.entry("Max open files", "RLIMIT_NOFILE"),
            Map.entry("Max locked memory", "RLIMIT_MEMLOCK"), Map.entry("Max address space", "RLIMIT_AS"),
            Map.entry("Max file locks", "RLIMIT_LOCKS"), Map.entry("Max pending signals", "RLIMIT_SIGPENDING"),
            Map.entry("Max msgqueue size", "RLIMIT_MSGQUEUE"), Map.entry("Max nice priority", "RLIMIT_NICE"),
            Map.entry("Max realtime priority", "RLIMIT_RTPRIO"), Map.entry("Max realtime timeout", "RLIMIT_RTTIME"));

    /** Parses the text of /proc/&lt;pid&gt;/limits (columns: name, soft, hard, units). */
    public static HostLimits parse(String text) {
        Map<String, Long> hard = new HashMap<>();
        for (String line : text.lines().toList()) {
            for (Map.Entry<String, String> row : ROW_TO_RLIMIT.entrySet()) {
                if (line.startsWith(row.getKey() + " ")) {
                    String[] cols = line.substring(row.getKey().length()).trim().split("\\s+");
                    if (cols.length >= 2 && !cols[1].equals("unlimited")) {
                        hard.put(row.getValue(), Long.parseLong(cols[1]));
                    }
                }
            }
        }
        return new HostLimits(hard);
    }

    public OptionalLong hard(String rlimit) {
        Long v = hard.get(rlimit);
        return v == null ? OptionalLong.empty() : OptionalLong.of(v);
    }

    /** Docker's ulimit names ("nofile") as RLIMIT names ("RLIMIT_NOFILE"). */
    public static String rlimitName(String ulimit) {
        String name = "RLIMIT_" + ulimit.strip().toUpperCase(Locale.ROOT);
        if (!ROW_TO_RLIMIT.containsValue(name)) {
            throw new ContainerConfigException("container.ulimits", "unknown ulimit \"" + ulimit + "\"");
        }
        return name;
    }

    /** {@code value} lowered to the host's hard limit for {@code rlimit}. */
    public long clamp(String rlimit, long value) {
        Long h = hard.get(rlimit);
        return h == null || value < 0 ? value : Math.min(value, h);
    }
}
