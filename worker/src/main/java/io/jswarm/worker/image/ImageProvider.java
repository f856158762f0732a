package io.jswarm.worker.image;

import java.io.IOException;

/**
 * The one call the task controller makes while PREPARING: have the image of a task, according
 * to its {@link PullPolicy}, from the local store, the cluster (a manager's copy, known by
 * manifest digest) or the registry.
 */
public final class ImageProvider {
    /** A manager's copy of an image: its manifest digest and where its blobs can be read. */
    public record ClusterCopy(Digest manifestDigest, BlobSource source) {}

    private final ImageStore store;
    private final Puller puller;
    private final ClusterFetcher clusterFetcher;

    public ImageProvider(ImageStore store, Puller puller, ClusterFetcher clusterFetcher) {
        this.store = store;
        this.puller = puller;
        this.clusterFetcher = clusterFetcher;
    }

    /** @param clusterCopy null when no manager has the image */
    public StoredImage ensure(String image, PullPolicy policy, ClusterCopy clusterCopy, ProgressListener listener) throws IOException {
        Reference ref = Reference.parse(image);
        boolean local = clusterCopy != null ? store.contains(clusterCopy.manifestDigest().toString()) || store.contains(ref.toString())
                : store.contains(ref.toString());
        return switch (policy.choose(local, clusterCopy != null)) {
            case LOCAL -> clusterCopy != null && store.contains(clusterCopy.manifestDigest().toString())
                    ? clusterFetcher.ensure(ref, clusterCopy.manifestDigest(), clusterCopy.source(), listener)
                    : store.resolve(ref);
            case CLUSTER -> clusterFetcher.ensure(ref, clusterCopy.manifestDigest(), clusterCopy.source(), listener);
            case REGISTRY -> puller.pull(ref, listener);
            case UNAVAILABLE -> throw new ImageNotFoundException("image " + ref.familiar() + " is not on this node"
                    + (policy == PullPolicy.CLUSTER ? " and no manager has a copy" : "") + " and the pull policy "
                    + policy.name().toLowerCase(java.util.Locale.ROOT) + " forbids pulling it from a registry");
        };
    }
}
