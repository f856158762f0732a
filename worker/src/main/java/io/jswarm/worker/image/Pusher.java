package io.jswarm.worker.image;

import java.io.IOException;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code image push}: uploads a stored image's blobs the registry lacks (checked with HEAD; each
 * a monolithic POST + PUT upload), then its manifest, byte for byte, so the digest is unchanged.
 */
public final class Pusher {
    private final ImageStore store;
    private final RegistryConfig config;
    private final HttpClient http;

    public Pusher(ImageStore store, RegistryConfig config, HttpClient http) {
        this.store = store;
        this.config = config;
        this.http = http;
    }

    /** Pushes the stored image {@code local} as {@code target}; returns the manifest digest. */
    public Digest push(String local, Reference target, ProgressListener listener) throws IOException {
        Digest manifestDigest = store.resolve(local).manifestDigest();
        byte[] manifestBytes = store.readBlob(manifestDigest);
        ImageManifest manifest = ImageManifest.parse(manifestBytes, null);
        RegistryClient client = new RegistryClient(http, config, target.domain());
        List<Descriptor> blobs = new ArrayList<>(manifest.layers());
        blobs.add(manifest.config());
        for (Descriptor d : blobs) {
            if (client.blobExists(target.path(), d.digest())) {
                listener.finished(d.digest(), d.size(), true);
                continue;
            }
            listener.started(d.digest(), d.size());
            client.uploadBlob(target.path(), d.digest(), store.blobPath(d.digest()));
            listener.finished(d.digest(), d.size(), false);
        }
        String ref = target.tag() != null ? target.tag() : manifestDigest.toString();
        client.putManifest(target.path(), ref, manifestBytes, manifest.mediaType());
        listener.resolved(target.toString(), manifestDigest);
        return manifestDigest;
    }
}
