package io.jswarm.worker.runtime;

import java.nio.file.Path;
import java.time.Clock;
import java.util.regex.Pattern;

/**
 * Where one worker node keeps its containers. Several nodes on one machine (tests, the netns lab)
 * differ in every field, so nothing here is global.
 *
 * @param dataDir       the node's worker state: containers/, volumes/, runc/ (runtime state root)
 * @param cgroupParent  cgroup directory every container of this node lives under (e.g. jswarm-n1)
 * @param initBinary    tini-static on the host, bind-mounted read-only as the container's PID 1
 * @param logMaxBytes   a container log file is rotated when it grows past this
 * @param logMaxFiles   rotated files kept per stream (stdout.log.1 … .N)
 */
public record RuntimeConfig(Path dataDir, String cgroupParent, Path initBinary, long logMaxBytes, int logMaxFiles, Clock clock) {
    private static final Pattern CGROUP_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    public static final Path DEBIAN_TINI = Path.of("/usr/bin/tini-static");

    public RuntimeConfig {
        if (!CGROUP_NAME.matcher(cgroupParent).matches()) {
            throw new IllegalArgumentException("cgroup parent \"" + cgroupParent + "\" must be a single directory name");
        }
        if (logMaxBytes < 1024 || logMaxFiles < 1) {
            throw new IllegalArgumentException("log rotation needs at least 1 KiB per file and 1 kept file");
        }
    }

    public static RuntimeConfig of(Path dataDir, String nodeId, Clock clock) {
        return new RuntimeConfig(dataDir, "jswarm-" + nodeId, DEBIAN_TINI, 10L * 1024 * 1024, 3, clock);
    }

    public Path containersDir() {
        return dataDir.resolve("containers");
    }

    public Path volumesDir() {
        return dataDir.resolve("volumes");
    }

    public Path runtimeStateRoot() {
        return dataDir.resolve("runc");
    }

    public String cgroupPath(String containerId) {
        return "/" + cgroupParent + "/" + containerId;
    }
}
