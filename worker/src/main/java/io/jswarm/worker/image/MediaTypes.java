package io.jswarm.worker.image;

import java.util.Set;

/** The media types of the OCI image spec and of Docker's v2 schema 2, which registries serve side by side. */
public final class MediaTypes {
    private MediaTypes() {}

    public static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    public static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
    public static final String OCI_CONFIG = "application/vnd.oci.image.config.v1+json";
    public static final String OCI_LAYER = "application/vnd.oci.image.layer.v1.tar";
    public static final String OCI_LAYER_GZIP = "application/vnd.oci.image.layer.v1.tar+gzip";
    public static final String OCI_LAYER_ZSTD = "application/vnd.oci.image.layer.v1.tar+zstd";
    public static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
    public static final String DOCKER_MANIFEST_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";
    public static final String DOCKER_CONFIG = "application/vnd.docker.container.image.v1+json";
    public static final String DOCKER_LAYER_GZIP = "application/vnd.docker.image.rootfs.diff.tar.gzip";
    public static final String DOCKER_FOREIGN_LAYER_GZIP = "application/vnd.docker.image.rootfs.foreign.diff.tar.gzip";

    public static final Set<String> MANIFESTS = Set.of(OCI_MANIFEST, DOCKER_MANIFEST);
    public static final Set<String> INDEXES = Set.of(OCI_INDEX, DOCKER_MANIFEST_LIST);

    /** What a pull accepts, in the Accept header (a registry otherwise may convert to the legacy schema 1). */
    public static final String ACCEPT_ANY_MANIFEST = String.join(", ", OCI_INDEX, DOCKER_MANIFEST_LIST, OCI_MANIFEST, DOCKER_MANIFEST);

    public static boolean isGzipLayer(String mediaType) {
        return mediaType.equals(OCI_LAYER_GZIP) || mediaType.equals(DOCKER_LAYER_GZIP) || mediaType.equals(DOCKER_FOREIGN_LAYER_GZIP);
    }

    public static boolean isPlainLayer(String mediaType) {
        return mediaType.equals(OCI_LAYER) || mediaType.equals("application/vnd.docker.image.rootfs.diff.tar");
    }
}
