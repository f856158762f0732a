package io.jswarm.worker.image;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Unpacked layers under {@code layers/sha256/<diffid hex>/}, one directory per distinct layer
 * content however many images use it; these are the overlay lower dirs of containers. The diff
 * ID (sha256 of the uncompressed tar) names the directory, so two images that share a base layer
 * share the directory even if their registries compressed it differently.
 *
 * <p>Invariant: a directory under layers/sha256 is complete and its tar hashed to its name. A
 * layer is unpacked into {@code layers/tmp-*} and renamed into place only after the digest checked
 * out; leftovers of a crash are deleted when the store opens.
 */
final class LayerStore {
    private final Path layers;
    private final Path base;
    private final LayerUnpacker unpacker;

    LayerStore(Path root) throws IOException {
        this.base = root.resolve("layers");
        this.layers = base.resolve(Digest.SHA256);
        Files.createDirectories(layers);
        this.unpacker = new LayerUnpacker(isRoot());
        try (Stream<Path> s = Files.list(base)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                if (p.getFileName().toString().startsWith("tmp-")) {
                    LayerUnpacker.deleteRecursively(p);
                }
            }
        }
    }

    private static boolean isRoot() {
        return new com.sun.security.auth.module.UnixSystem().getUid() == 0;
    }

    Path dir(Digest diffId) {
        return layers.resolve(diffId.hex());
    }

    boolean has(Digest diffId) {
        return Files.isDirectory(dir(diffId));
    }

    /** Unpacks {@code blob} (of {@code mediaType}) as the layer {@code diffId}, unless it already is. */
    Path unpack(Digest diffId, InputStream blob, String mediaType, String what) throws IOException {
        Path target = dir(diffId);
        if (Files.isDirectory(target)) {
            return target;
        }
        Path work = base.resolve("tmp-" + UUID.randomUUID());
        Files.createDirectory(work);
        try {
            MessageDigest sha = Digest.newSha256();
            try (InputStream raw = new BufferedInputStream(blob, 64 * 1024);
                 InputStream tar = new DigestInputStream(decompress(raw, mediaType, what), sha)) {
                unpacker.unpack(tar, work, what);
                tar.transferTo(OutputStream.nullOutputStream()); // the tar's end padding is part of the diff ID
            }
            Digest actual = Digest.fromHash(sha.digest());
            if (!actual.equals(diffId)) {
                throw new DigestMismatchException(what + " (uncompressed)", diffId, actual);
            }
            try {
                LayerUnpacker.move(work, target);
            } catch (IOException raced) {
                // rename(2) onto a non-empty directory fails (ENOTEMPTY, which Java does not map to a
                // subclass): another pull unpacked the same diff ID first. Identical content; keep theirs.
                if (!Files.isDirectory(target)) {
                    throw raced;
                }
            }
            return target;
        } catch (IOException e) {
            throw DiskFullException.mapped(e, base);
        } finally {
            LayerUnpacker.deleteRecursively(work);
        }
    }

    private static InputStream decompress(InputStream raw, String mediaType, String what) throws IOException {
        if (MediaTypes.isGzipLayer(mediaType)) {
            return GzipCompressorInputStream.builder().setInputStream(raw).setDecompressConcatenated(true).get();
        }
        if (MediaTypes.isPlainLayer(mediaType)) {
            return raw;
        }
        throw new InvalidImageException(what + ": layer media type " + mediaType + " is not supported (only tar and tar+gzip)");
    }

    Set<Digest> list() throws IOException {
        Set<Digest> out = new HashSet<>();
        try (Stream<Path> s = Files.list(layers)) {
            s.forEach(p -> out.add(new Digest(Digest.SHA256, p.getFileName().toString())));
        }
        return out;
    }

    /** Removes a layer directory: first renamed away (so it vanishes at once), then deleted. */
    void delete(Digest diffId) throws IOException {
        Path dir = dir(diffId);
        if (!Files.exists(dir)) {
            return;
        }
        Path doomed = base.resolve("tmp-rm-" + UUID.randomUUID());
        LayerUnpacker.move(dir, doomed);
        LayerUnpacker.deleteRecursively(doomed);
    }

    /** Size on disk of a layer directory (regular files only; hard links counted once per name). */
    long diskUsage(Digest diffId) throws IOException {
        try (Stream<Path> s = Files.walk(dir(diffId))) {
            return s.filter(p -> Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
                    .mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
