package io.jswarm.worker.image;

import java.nio.file.Path;
import java.util.List;

/**
 * What the runtime needs to start a container from a stored image: the unpacked layer
 * directories in overlay order, lowest first (overlay's {@code lowerdir} lists the top one first,
 * so reverse this list there), and the image's run defaults.
 */
public record StoredImage(String reference, Digest manifestDigest, Digest imageId, List<Path> layerDirs, ImageConfig config) {
    public StoredImage {
        layerDirs = List.copyOf(layerDirs);
    }
}
