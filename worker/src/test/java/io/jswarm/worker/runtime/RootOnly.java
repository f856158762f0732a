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

    public static void assume() {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root");
        assumeTrue(Files.isExecutable(Path.of("/usr/sbin/runc")) || Files.isExecutable(Path.of("/usr/bin/runc")), "needs runc");
    }
}
