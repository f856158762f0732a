package io.jswarm.worker.image;

import java.io.IOException;
import java.io.InputStream;

/**
 * Brings the blobs of one image into a store from any {@link BlobSource}, each verified against
 * its descriptor (digest and size) while it is written, blobs already present skipped. A broken
 * transfer is resumed from the last byte written; a digest mismatch is not retried (it is
 * reported, nothing kept).
 */
final class Ingest {
    private Ingest() {}

    static void blob(ImageStore store, BlobSource source, Descriptor d, RegistryConfig config, ProgressListener listener)
            throws IOException {
        if (store.hasBlob(d.digest())) {
            listener.finished(d.digest(), d.size(), true);
            return;
        }
        listener.started(d.digest(), d.size());
        try (PartialBlob blob = store.beginBlob(d.digest(), d.size(), "blob " + d.digest() + " from " + source.describe())) {
            Retry.run(config, source.describe(), () -> {
                try (InputStream in = source.open(d.digest(), blob.written())) {
                    blob.append(in, n -> listener.progress(d.digest(), n, d.size()));
                }
                return blob.commit(); // an IOException while appending makes the next attempt resume where it broke
            });
        }
        listener.finished(d.digest(), d.size(), false);
    }

    /** Config and layers of {@code manifest} (whose own blob the caller stores). */
    static void contents(ImageStore store, BlobSource source, ImageManifest manifest, RegistryConfig config,
                         ProgressListener listener) throws IOException {
        blob(store, source, manifest.config(), config, ProgressListener.NONE);
        for (Descriptor layer : manifest.layers()) {
            blob(store, source, layer, config, listener);
        }
    }

    /**
     * Fetches the image whose manifest is {@code manifestDigest} entirely from {@code source}
     * (cluster distribution: the manager resolved the reference, the worker fetches by digest)
     * and stores it as {@code name}.
     */
    static StoredImage image(ImageStore store, BlobSource source, Reference name, Digest manifestDigest,
                             RegistryConfig config, ProgressListener listener) throws IOException {
        byte[] manifestBytes;
        try (InputStream in = source.open(manifestDigest)) {
            manifestBytes = in.readNBytes(4 * 1024 * 1024);
        }
        Digest actual = Digest.of(manifestBytes);
        if (!actual.equals(manifestDigest)) {
            throw new DigestMismatchException("manifest from " + source.describe(), manifestDigest, actual);
        }
        ImageManifest manifest = ImageManifest.parse(manifestBytes, null);
        listener.resolved(name != null ? name.toString() : manifestDigest.toString(), manifestDigest);
        contents(store, source, manifest, config, listener);
        store.putBlob(manifestBytes);
        return store.commit(name, manifestDigest);
    }
}
