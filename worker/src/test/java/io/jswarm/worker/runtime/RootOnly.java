package io.jswarm.worker.runtime;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Real-container tests need root and runc. They skip only when those are missing (a developer's
 * laptop); CI runs as root with runc installed, so there they always run.
 */
public final class RootOnly {
    private RootOnly() {}

    /** The process's real uid: the owner of /proc/self. */
    static int uid() {
        try {
            return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        } catch (java.io.IOException | UnsupportedOperationException e) {
            return -1;
        }
    }

    public static void assume() {
        assumeTrue(uid() == 0, "needs root");
        assumeTrue(Files.isExecutable(Path.of("/usr/sbin/runc")) || Files.isExecutable(Path.of("/usr/bin/runc")), "needs runc");
    }
}
