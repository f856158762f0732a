package io.jswarm.testkit.hosts;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;

/**
 * A host's data dir made small enough to fill: a tmpfs of a given size mounted over it, and a
 * ballast file that fills it under a running daemon and can be deleted to free the space again.
 * The mount is removed by the run's cleanup (it carries the run prefix as its source name).
 */
final class DataDirLimit {
    private final Path dataDir;
    private final String mountSource;
    private boolean limited;
    private Path ballast;

    DataDirLimit(Path dataDir, String mountSource) {
        this.dataDir = dataDir;
        this.mountSource = mountSource;
    }

    synchronized void limit(long bytes) {
        if (limited) {
            throw new IllegalStateException("limitDataDir: " + dataDir + " is already limited");
        }
        try (Stream<Path> entries = Files.list(dataDir)) {
            if (entries.findAny().isPresent()) {
                throw new IllegalStateException("limitDataDir: " + dataDir + " is not empty; a tmpfs over it would hide its files");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dataDir, e);
        }
        Mounts.mountTmpfs(mountSource, dataDir, bytes);
        limited = true;
    }

    synchronized Path fill() {
        if (!limited) {
            throw new IllegalStateException("fillDataDir: call limitDataDir first (it would fill the machine's disk)");
        }
        ballast = dataDir.resolve(".ballast");
        byte[] block = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(ballast)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException full) {
            // ENOSPC: the device is full, which is the point. A few bytes may still fit; top them up.
            try (OutputStream out = Files.newOutputStream(ballast, StandardOpenOption.APPEND)) {
                while (true) {
                    out.write(0);
                }
            } catch (IOException e) {
                return ballast;
            }
        }
    }

    synchronized void free() {
        if (ballast != null) {
            try {
                Files.deleteIfExists(ballast);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete " + ballast, e);
            }
            ballast = null;
        }
    }
}
