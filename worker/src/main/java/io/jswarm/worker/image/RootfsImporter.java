package io.jswarm.worker.image;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.List;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/**
 * {@code image import rootfs.tar name:tag}: a root filesystem tarball (plain or gzip) becomes a
 * one-layer image. The layer is stored gzip-compressed (so it can be pushed as is); its diff ID
 * is the digest of the plain tar, computed while compressing.
 */
public final class RootfsImporter {
    private final ImageStore store;
    private final ImagePlatform platform;

    public RootfsImporter(ImageStore store, ImagePlatform platform) {
        this.store = store;
        this.platform = platform;
    }

    /** Imports {@code tarball} as {@code name}; {@code cmd} (may be null) becomes the image's Cmd. */
    @SuppressWarnings("try") // the lease is held for the block, not used in it
    public StoredImage importTarball(Path tarball, Reference name, List<String> cmd) throws IOException {
        try (ImageStore.IngestLease ingest = store.beginIngest()) {
            Path gz = store.newTempFile("import-");
            MessageDigest plain = Digest.newSha256();
            try {
                try (InputStream in = new DigestInputStream(ArchiveLoader.maybeGunzip(Files.newInputStream(tarball)), plain);
                     OutputStream out = new GzipCompressorOutputStream(Files.newOutputStream(gz))) {
                    in.transferTo(out);
                }
                long size = Files.size(gz);
                Digest diffId = Digest.fromHash(plain.digest());
                Digest layer = store.adoptBlob(gz, null, "layer of " + tarball.getFileName());
                ImageConfig config = ImageConfig.minimal(platform, store.clock().instant().toString(), List.of(diffId)).withCmd(cmd);
                byte[] configBytes = config.toJson();
                Digest configDigest = store.putBlob(configBytes);
                ImageManifest manifest = new ImageManifest(MediaTypes.OCI_MANIFEST,
                        new Descriptor(MediaTypes.OCI_CONFIG, configDigest, configBytes.length),
                        List.of(new Descriptor(MediaTypes.OCI_LAYER_GZIP, layer, size)));
                return store.commit(name, store.putBlob(manifest.toJson()));
            } catch (IOException e) {
                throw DiskFullException.mapped(e, store.root());
            } finally {
                Files.deleteIfExists(gz);
            }
        }
    }
}
