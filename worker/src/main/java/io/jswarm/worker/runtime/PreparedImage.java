package io.jswarm.worker.runtime;

import java.nio.file.Path;
import java.util.List;

/**
 * An image ready to run: its unpacked layers (read-only directories, lowest first) and the
 * defaults from its config. This is the whole contract between the image store and the runtime;
 * the runtime never writes into a layer (each container gets its own overlay upper dir).
 */
public record PreparedImage(List<Path> layerDirs, ImageDefaults defaults) {
    public PreparedImage {
        if (layerDirs == null || layerDirs.isEmpty()) {
            throw new IllegalArgumentException("an image needs at least one layer directory");
        }
        layerDirs = List.copyOf(layerDirs);
        defaults = defaults == null ? ImageDefaults.NONE : defaults;
    }
}
