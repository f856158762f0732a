package io.jswarm.worker.task;

import io.jswarm.worker.runtime.PreparedImage;

/**
 * Where a controller gets an image's layers from (the image store, io.jswarm.worker.image).
 * Throws {@link ControllerException} ("image not found: …") when it cannot.
 */
@FunctionalInterface
public interface ImageSource {
    PreparedImage prepare(String imageRef);
}
