package io.jswarm.worker.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jswarm.testkit.FakeClock;
import io.jswarm.testkit.images.LayerTar;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ENOSPC becomes a message naming the full device, and the partial blob is gone (on a real, tiny tmpfs). */
class DiskFullTest {
    @TempDir
    Path dir;

    @Test
    void aFullDiskIsReportedClearlyAndLeavesNothingBehind() throws Exception {
        assumeTrue(new com.sun.security.auth.module.UnixSystem().getUid() == 0, "mounting a tmpfs needs root");
        Path small = Files.createDirectory(dir.resolve("small"));
        run("mount", "-t", "tmpfs", "-o", "size=256k", "jswarm-test-small", small.toString());
        try {
            ImageStore store = ImageStore.open(small.resolve("images"), new FakeClock());
            byte[] big = new byte[1024 * 1024];
            new Random(1).nextBytes(big);
            DiskFullException e = assertThrows(DiskFullException.class, () -> store.putBlob(
                    new ByteArrayInputStream(big), Digest.of(big), big.length, n -> {}, "blob big"));
            assertTrue(e.getMessage().startsWith("no space left on the device holding " + small.resolve("images")), e.getMessage());
            assertTrue(store.blobs().isEmpty());
            try (var s = Files.list(small.resolve("images/tmp"))) {
                assertEquals(0, s.count(), "partial blob deleted");
            }
            // The store still works for content that fits.
            assertTrue(store.hasBlob(store.putBlob(LayerTar.gzip("small".getBytes()))));
        } finally {
            run("umount", small.toString());
        }
    }

    private static void run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), String.join(" ", cmd) + " hung");
        assertEquals(0, p.exitValue(), String.join(" ", cmd) + ": " + out);
    }
}
