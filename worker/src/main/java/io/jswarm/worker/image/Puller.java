package io.jswarm.worker.image;

import java.io.IOException;
import java.net.http.HttpClient;
import java.util.stream.Collectors;

/**
 * {@code image pull}: resolves a reference at its registry (an index or manifest list picks the
 * node's platform), verifies the manifest against the digest asked for or announced, fetches the
 * config and the missing layers with verification, then unpacks and names the image.
 */
public final class Puller {
    private final ImageStore store;
    private final RegistryConfig config;
    private final HttpClient http;

    public Puller(ImageStore store, RegistryConfig config, HttpClient http) {
        this.store = store;
        this.config = config;
        this.http = http;
    }

    @SuppressWarnings("try") // the lease is held for the block, not used in it
    public StoredImage pull(Reference ref, ProgressListener listener) throws IOException {
        RegistryClient client = new RegistryClient(http, config, ref.domain());
        try (ImageStore.IngestLease ingest = store.beginIngest()) {
            RegistryClient.Fetched f = client.manifest(ref.path(), ref.manifestReference());
            Digest digest = verified(f, ref.digest(), ref);
            if (ImageIndex.isIndex(f.body(), f.contentType())) {
                ImageIndex index = ImageIndex.parse(f.body(), f.contentType());
                Descriptor chosen = index.choose(config.platform()).orElseThrow(() -> new ImageNotFoundException(
                        ref + " has no image for platform " + config.platform() + " (it has: "
                                + index.manifests().stream().filter(d -> d.platform() != null)
                                .map(d -> d.platform().toString()).distinct().collect(Collectors.joining(", ")) + ")"));
                f = client.manifest(ref.path(), chosen.digest().toString());
                digest = verified(f, chosen.digest(), ref);
            }
            ImageManifest manifest = ImageManifest.parse(f.body(), f.contentType());
            listener.resolved(ref.toString(), digest);
            Ingest.contents(store, new RegistryBlobSource(client, ref.path()), manifest, config, listener);
            store.putBlob(f.body());
            return store.commit(ref, digest);
        }
    }

    /** The manifest's digest, checked against the one asked for and the one the registry announced. */
    private static Digest verified(RegistryClient.Fetched f, Digest asked, Reference ref) {
        Digest actual = Digest.of(f.body());
        if (asked != null && !asked.equals(actual)) {
            throw new DigestMismatchException("manifest of " + ref, asked, actual);
        }
        if (f.dockerContentDigest() != null) {
            Digest announced;
            try {
                announced = Digest.parse(f.dockerContentDigest());
            } catch (IllegalArgumentException e) {
                return actual; // another algorithm: our own hash is what we store under
            }
            if (!announced.equals(actual)) {
                throw new DigestMismatchException("manifest of " + ref, announced, actual);
            }
        }
        return actual;
    }
}
