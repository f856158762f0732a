package io.jswarm.testkit.images;

import io.jswarm.testkit.BusyboxRootfs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real busybox image built at test time without any registry: the host's busybox-static as a
 * rootfs ({@link BusyboxRootfs}), tarred into one gzip layer, with a config running {@code sh}.
 */
public final class BusyboxImage {
    private BusyboxImage() {}

    /** The busybox base layer (built once per call; a few seconds). */
    public static TestImage.Layer layer(Path workDir) throws IOException {
        Path rootfs = BusyboxRootfs.build(workDir.resolve("busybox-rootfs"));
        try {
            return TestImage.builder().layer(new LayerTar().tree(rootfs)).build().layers().get(0);
        } finally {
            try (var s = Files.walk(rootfs)) {
                for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    public static TestImage build(Path workDir) throws IOException {
        return TestImage.builder().layer(layer(workDir)).build();
    }
}
