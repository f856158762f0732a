package io.jswarm.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Builds a minimal busybox root filesystem from the host's static busybox (Debian package
 * busybox-static), so tests and examples have an image without any public registry: the binary,
 * one symlink per applet, and the few files every image has (/etc/passwd, /etc/group, /tmp).
 */
public final class BusyboxRootfs {
    private BusyboxRootfs() {}

    /** Where Debian's busybox-static puts the binary. */
    public static final Path HOST_BUSYBOX = Paths.get("/bin/busybox");

    public static boolean available() {
        return Files.isExecutable(HOST_BUSYBOX);
    }

    /** Fills {@code dir} (created if missing) with a busybox root filesystem and returns it. */
    public static Path build(Path dir) throws IOException {
        if (!available()) {
            throw new IllegalStateException(HOST_BUSYBOX + " is missing: run bin/install-deps (package busybox-static)");
        }
        Files.createDirectories(dir);
        for (String d : List.of("bin", "sbin", "usr/bin", "usr/sbin", "etc", "tmp", "proc", "sys", "dev", "root", "var/www", "home")) {
            Files.createDirectories(dir.resolve(d));
        }
        Files.setPosixFilePermissions(dir.resolve("tmp"), PosixFilePermissions.fromString("rwxrwxrwx"));
        Path busybox = dir.resolve("bin/busybox");
        Files.copy(HOST_BUSYBOX, busybox, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.setPosixFilePermissions(busybox, PosixFilePermissions.fromString("rwxr-xr-x"));
        for (String applet : applets()) {
            Path link = dir.resolve(applet);
            if (link.equals(busybox) || Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            Files.createDirectories(link.getParent());
            Files.createSymbolicLink(link, Paths.get("/bin/busybox"));
        }
        Files.writeString(dir.resolve("etc/passwd"),
                "root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("etc/group"), "root:x:0:\nnogroup:x:65534:\n", StandardCharsets.UTF_8);
        return dir;
    }

    /** Applet paths relative to the root, e.g. {@code usr/bin/env}, as busybox itself lists them. */
    private static List<String> applets() throws IOException {
        Process p = new ProcessBuilder(HOST_BUSYBOX.toString(), "--list-full").redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("busybox --list-full failed: " + out);
            }
            return out.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while listing busybox applets", e);
        }
    }
}
