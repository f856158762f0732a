package io.jswarm.worker.image;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.function.LongConsumer;
import java.util.stream.Stream;

/**
 * Blobs by digest under {@code blobs/sha256/<hex>} (the OCI image layout).
 *
 * <p>Invariant: a file under blobs/ always hashes to its name. Content is written to a temporary
 * file in {@code tmp/} on the same file system, hashed while it is written, flushed to disk and
 * only then renamed into place; on a digest mismatch, a short read, ENOSPC or any other failure the
 * temporary file is deleted, so nothing half-stored or corrupt is ever visible.
 */
final class BlobStore {
    private final Path blobs;
    private final Path tmp;

    BlobStore(Path root) throws IOException {
        this.blobs = root.resolve("blobs").resolve(Digest.SHA256);
        this.tmp = root.resolve("tmp");
        Files.createDirectories(blobs);
        Files.createDirectories(tmp);
    }

    Path path(Digest d) {
        return blobs.resolve(d.hex());
    }

    boolean has(Digest d) {
        return Files.isRegularFile(path(d));
    }

    long size(Digest d) throws IOException {
        try {
            return Files.size(path(d));
        } catch (NoSuchFileException e) {
            throw new ImageNotFoundException("blob " + d + " is not in the image store");
        }
    }

    InputStream open(Digest d) throws IOException {
        try {
            return Files.newInputStream(path(d));
        } catch (NoSuchFileException e) {
            throw new ImageNotFoundException("blob " + d + " is not in the image store");
        }
    }

    byte[] read(Digest d) throws IOException {
        try (InputStream in = open(d)) {
            return in.readAllBytes();
        }
    }

    Digest put(byte[] content) throws IOException {
        Digest d = Digest.of(content);
        if (!has(d)) {
            put(new java.io.ByteArrayInputStream(content), d, content.length, n -> {}, "blob " + d);
        }
        return d;
    }

    /**
     * Stores {@code in} (read to its end) as a blob; with {@code expected} set, it must hash to it
     * and (when {@code expectedSize >= 0}) have that size, else a {@link DigestMismatchException}.
     * {@code progress} receives the bytes written so far.
     */
    Digest put(InputStream in, Digest expected, long expectedSize, LongConsumer progress, String what) throws IOException {
        try (PartialBlob blob = begin(expected, expectedSize, what)) {
            blob.append(in, progress);
            return blob.commit();
        }
    }

    /** Starts a blob that may be written in several appends (a download resumed after a break). */
    PartialBlob begin(Digest expected, long expectedSize, String what) throws IOException {
        try {
            return new PartialBlob(this, tmp.resolve("blob-" + UUID.randomUUID()), expected, expectedSize, what);
        } catch (IOException e) {
            throw DiskFullException.mapped(e, blobs);
        }
    }

    /** Adopts a finished temporary file (created by {@link #newTempFile}) as a blob; hashes it first. */
    Digest adopt(Path tempFile, Digest expected, String what) throws IOException {
        try (InputStream in = Files.newInputStream(tempFile)) {
            return put(in, expected, -1, n -> {}, what);
        } finally {
            Files.deleteIfExists(tempFile);
        }
    }

    Path newTempFile(String prefix) throws IOException {
        return Files.createTempFile(tmp, prefix, ".part");
    }

    Path tempDir() {
        return tmp;
    }

    void moveIntoPlace(Path part, Path target) throws IOException {
        try {
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            // Same digest, same content: another pull stored it first.
        }
    }

    Set<Digest> list() throws IOException {
        Set<Digest> out = new HashSet<>();
        try (Stream<Path> s = Files.list(blobs)) {
            s.forEach(p -> {
                try {
                    out.add(new Digest(Digest.SHA256, p.getFileName().toString()));
                } catch (IllegalArgumentException ignored) {
                    // not a blob (should not happen; left for a human to look at)
                }
            });
        }
        return out;
    }

    /** Deletes a blob; returns the bytes freed (0 if it was not there). */
    long delete(Digest d) throws IOException {
        Path p = path(d);
        try {
            long size = Files.size(p);
            Files.delete(p);
            return size;
        } catch (NoSuchFileException e) {
            return 0;
        }
    }
}
