package io.jswarm.worker.image;

import java.util.List;

/** {@code image inspect}: every reference of the image, its manifest and config, and its layers lowest first. */
public record ImageDetails(List<String> references, Digest manifestDigest, String manifestMediaType, Digest imageId,
                           ImageConfig config, List<Descriptor> layers, long size) {
    public ImageDetails {
        references = List.copyOf(references);
        layers = List.copyOf(layers);
    }
}
