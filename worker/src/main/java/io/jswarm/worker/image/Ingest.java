package io.jswarm.worker.image;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

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

    /**
     * Config and layers of {@code manifest} (whose own blob the caller stores), up to
     * {@link #PARALLEL_DOWNLOADS} layers at a time as Docker does. Returns only when every
     * download has ended, so nothing writes into the store after a failure is reported.
     */
    static void contents(ImageStore store, BlobSource source, ImageManifest manifest, RegistryConfig config,
                         ProgressListener listener) throws IOException {
        blob(store, source, manifest.config(), config, ProgressListener.NONE);
        Map<Digest, Descriptor> layers = new LinkedHashMap<>(); // a manifest may list one blob twice
        manifest.layers().forEach(l -> layers.putIfAbsent(l.digest(), l));
        if (layers.size() <= 1) {
            for (Descriptor layer : layers.values()) {
                blob(store, source, layer, config, listener);
            }
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(PARALLEL_DOWNLOADS, layers.size()), r -> {
            Thread t = new Thread(r, "image-download");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Void>> downloads = new ArrayList<>();
            for (Descriptor layer : layers.values()) {
                downloads.add(pool.submit(() -> {
                    blob(store, source, layer, config, listener);
                    return null;
                }));
            }
            for (Future<Void> f : downloads) {
                f.get();
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while downloading layers from " + source.describe(), e);
        } finally {
            pool.shutdownNow();
            awaitQuietly(pool);
        }
    }

    static final int PARALLEL_DOWNLOADS = 3;

    private static void awaitQuietly(ExecutorService pool) {
        try {
            // Downloads stop at their next read once interrupted; a stuck one still deletes its own
            // partial file when it ends, so giving up waiting leaves nothing visible in the store.
            pool.awaitTermination(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
