package io.jswarm.worker.runtime;

import java.nio.file.Path;

/**
 * The on-disk layout of one container: everything a restarted worker needs to find it again lives
 * here, and removing the directory (after unmounting the rootfs) removes the container's files.
 */
public record ContainerDirs(Path root) {
    public Path record() { return root.resolve("container.json"); }
    public Path bundle() { return root.resolve("bundle"); }
    public Path config() { return bundle().resolve("config.json"); }
    public Path rootfs() { return bundle().resolve("rootfs"); }
    public Path upper() { return root.resolve("upper"); }
    public Path work() { return root.resolve("work"); }
    public Path etc() { return root.resolve("etc"); }
    public Path hosts() { return etc().resolve("hosts"); }
    public Path hostname() { return etc().resolve("hostname"); }
    public Path resolvConf() { return etc().resolve("resolv.conf"); }
    public Path logs() { return root.resolve("logs"); }
    public Path stdoutLog() { return logs().resolve("stdout.log"); }
    public Path stderrLog() { return logs().resolve("stderr.log"); }
    public Path shimScript() { return root.resolve("shim.sh"); }
    public Path shimLog() { return root.resolve("shim.log"); }
    /** Written by runc once the container exists: the init's host pid. */
    public Path containerPid() { return root.resolve("container.pid"); }
    /** Written by the shim (atomically, by rename) when the runtime returns: the exit status. */
    public Path exitFile() { return root.resolve("exit"); }
    public Path anonymousVolumes() { return root.resolve("volumes"); }
}
