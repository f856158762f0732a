package io.jswarm.worker.task;

import io.jswarm.worker.runtime.PreparedImage;

/**
 * Where a controller gets an image's layers from (the image store, io.jswarm.worker.image).
 * Throws {@link ControllerException} ("image not found: …") when it cannot.
 */
@FunctionalInterface
public interface ImageSource {
    PreparedImage prepare(String imageRef);

    /** The image with its run-time extras; sources backed by an image config override this. */
    default ResolvedImage resolve(String imageRef) {
        return ResolvedImage.of(prepare(imageRef));
    }
}
