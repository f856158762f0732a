package io.jswarm.worker.image;

import java.util.Map;

/**
 * An OCI content descriptor: what a blob is, its digest and its size. {@code platform} is set
 * only on the entries of an image index; {@code annotations} is never null.
 */
public record Descriptor(String mediaType, Digest digest, long size, ImagePlatform platform, Map<String, String> annotations) {
    public Descriptor {
        if (mediaType == null || mediaType.isEmpty()) {
            throw new IllegalArgumentException("descriptor of " + digest + " has no mediaType");
        }
        if (digest == null) {
            throw new IllegalArgumentException("descriptor has no digest");
        }
        if (size < 0) {
            throw new IllegalArgumentException("descriptor of " + digest + " has a negative size");
        }
        annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
    }

    public Descriptor(String mediaType, Digest digest, long size) {
        this(mediaType, digest, size, null, Map.of());
    }
}
