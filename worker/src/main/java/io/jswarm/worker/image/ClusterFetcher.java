package io.jswarm.worker.image;

import java.io.IOException;

/**
 * The worker side of cluster distribution: an image the node lacks is fetched by manifest digest
 * from a {@link BlobSource} served by a manager, every blob verified, then named locally.
 */
public final class ClusterFetcher {
    private final ImageStore store;
    private final RegistryConfig config;

    public ClusterFetcher(ImageStore store, RegistryConfig config) {
        this.store = store;
        this.config = config;
    }

    /** The stored image {@code name} at {@code manifestDigest}, fetching what is missing from {@code source}. */
    @SuppressWarnings("try") // the lease is held for the block, not used in it
    public StoredImage ensure(Reference name, Digest manifestDigest, BlobSource source, ProgressListener listener) throws IOException {
        try (ImageStore.IngestLease ingest = store.beginIngest()) {
            if (store.contains(manifestDigest.toString())) {
                StoredImage have = store.resolve(manifestDigest.toString());
                if (!store.contains(name.toString())) {
                    store.tag(manifestDigest.toString(), name);
                }
                return have;
            }
            return Ingest.image(store, source, name, manifestDigest, config, listener);
        }
    }
}
