package io.jswarm.worker.image;

/** Where a task's image may come from. */
public enum PullPolicy {
    /** Local copy if present, else the cluster's copy if a manager has one, else the registry (the default). */
    MISSING,
    /** Always ask the registry (a moving tag is re-resolved); the local copy is only reused blob by blob. */
    ALWAYS,
    /** Local copy, else only the cluster's copy: images that exist in no registry. */
    CLUSTER,
    /** Local copy only. */
    NEVER;

    /** What to do to have an image, given what is known about it. Pure. */
    public ImageSourceChoice choose(boolean presentLocally, boolean clusterHasIt) {
        return switch (this) {
            case ALWAYS -> ImageSourceChoice.REGISTRY;
            case NEVER -> presentLocally ? ImageSourceChoice.LOCAL : ImageSourceChoice.UNAVAILABLE;
            case CLUSTER -> presentLocally ? ImageSourceChoice.LOCAL
                    : clusterHasIt ? ImageSourceChoice.CLUSTER : ImageSourceChoice.UNAVAILABLE;
            case MISSING -> presentLocally ? ImageSourceChoice.LOCAL
                    : clusterHasIt ? ImageSourceChoice.CLUSTER : ImageSourceChoice.REGISTRY;
        };
    }

    /** The outcome of {@link #choose}. */
    public enum ImageSourceChoice { LOCAL, CLUSTER, REGISTRY, UNAVAILABLE }
}
