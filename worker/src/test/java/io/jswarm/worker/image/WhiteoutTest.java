package io.jswarm.worker.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jswarm.testkit.FakeClock;
import io.jswarm.testkit.images.LayerTar;
import io.jswarm.testkit.images.TestImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OCI whiteouts become overlay whiteouts, and a real overlay mount over the layer dirs hides what they delete. */
class WhiteoutTest {
    @TempDir
    Path dir;

    static final LayerTar LOWER = new LayerTar().dir("a", 0755).file("a/gone", "x", 0644).file("a/kept", "k", 0644)
            .dir("d", 0755).file("d/old", "o", 0644).file("f", "f", 0644).hardlink("f2", "f");
    static final LayerTar UPPER = new LayerTar().whiteout("a/gone").dir("d", 0755).opaque("d").file("d/new", "n", 0644);

    @Test
    void whiteoutsBecomeOverlayWhiteouts() throws Exception {
        ImageStore store = ImageStore.open(dir.resolve("images"), new FakeClock());
        StoredImage img = Images.store(store, TestImage.builder().layer(LOWER).layer(UPPER).build(), "w");
        Path lower = img.layerDirs().get(0);
        Path upper = img.layerDirs().get(1);

        Path gone = upper.resolve("a/gone");
        int mode = (int) Files.getAttribute(gone, "unix:mode", java.nio.file.LinkOption.NOFOLLOW_LINKS);
        assertEquals(NativeFs.S_IFCHR, mode & 0170000, "a/gone is a character device");
        assertEquals(0L, ((Number) Files.getAttribute(gone, "unix:rdev", java.nio.file.LinkOption.NOFOLLOW_LINKS)).longValue());
        assertFalse(Files.exists(upper.resolve("a/.wh.gone")));
        assertEquals("y", NativeFs.getXattr(upper.resolve("d"), LayerUnpacker.OPAQUE_XATTR));
        assertFalse(Files.exists(upper.resolve("d/.wh..wh..opq")));
        assertNull(NativeFs.getXattr(lower.resolve("d"), LayerUnpacker.OPAQUE_XATTR));
        assertEquals(Files.getAttribute(lower.resolve("f"), "unix:ino"), Files.getAttribute(lower.resolve("f2"), "unix:ino"),
                "hard link shares the inode");

        assumeTrue(new com.sun.security.auth.module.UnixSystem().getUid() == 0, "overlay mounts need root");
        Path merged = Files.createDirectory(dir.resolve("merged"));
        run("mount", "-t", "overlay", "overlay", "-o", "lowerdir=" + upper + ":" + lower, merged.toString());
        try {
            assertFalse(Files.exists(merged.resolve("a/gone")), "whiteout hides the lower file");
            assertTrue(Files.exists(merged.resolve("a/kept")));
            try (var s = Files.list(merged.resolve("d"))) {
                assertEquals(List.of("new"), s.map(p -> p.getFileName().toString()).toList(), "opaque dir hides lower contents");
            }
        } finally {
            run("umount", merged.toString());
        }
    }

    private static void run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), String.join(" ", cmd) + " hung");
        assertEquals(0, p.exitValue(), String.join(" ", cmd) + ": " + out);
    }
}
