package io.jswarm.worker.runtime;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Size-based rotation of a log file that a container is writing. The shim opened the file in
 * append mode and keeps it open, so the file cannot be renamed away from it; instead the content is
 * copied to {@code name.1} (older copies shifted to .2 … .N, the oldest dropped) and the file is
 * truncated, after which the writer's appends continue at the new end (logrotate's copytruncate).
 * Lines written between the copy and the truncate can be lost; that is the known price.
 */
public final class LogRotator {
    private LogRotator() {}

    /** Rotates {@code file} if it is larger than {@code maxBytes}; returns whether it did. */
    public static boolean rotateIfLarger(Path file, long maxBytes, int keep) throws IOException {
        if (!Files.exists(file) || Files.size(file) <= maxBytes) {
            return false;
        }
        Files.deleteIfExists(sibling(file, keep));
        for (int i = keep - 1; i >= 1; i--) {
            Path from = sibling(file, i);
            if (Files.exists(from)) {
                Files.move(from, sibling(file, i + 1), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.copy(file, sibling(file, 1), StandardCopyOption.REPLACE_EXISTING);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(0);
        }
        return true;
    }

    static Path sibling(Path file, int n) {
        return file.resolveSibling(file.getFileName() + "." + n);
    }
}
