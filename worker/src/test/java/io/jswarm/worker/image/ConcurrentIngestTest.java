package io.jswarm.worker.image;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jswarm.testkit.FakeClock;
import io.jswarm.testkit.images.LayerTar;
import io.jswarm.testkit.images.TestImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Images sharing a base layer stored at the same time: the base is unpacked once and every image is whole. */
class ConcurrentIngestTest {
    @TempDir
    Path dir;

    @Test
    void concurrentCommitsOfImagesSharingABaseLayer() throws Exception {
        LayerTar baseTar = new LayerTar();
        for (int i = 0; i < 200; i++) {
            baseTar.file("base/f" + i, "content " + i, 0644);
        }
        TestImage.Layer base = TestImage.builder().layer(baseTar).build().layers().get(0);
        int n = 4;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            for (int round = 0; round < 5; round++) {
                ImageStore store = ImageStore.open(dir.resolve("s" + round), new FakeClock());
                List<TestImage> images = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    TestImage img = TestImage.builder().layer(base).layer(new LayerTar().file("top", "t" + i, 0644)).build();
                    Images.putBlobs(store, img);
                    images.add(img);
                }
                CountDownLatch go = new CountDownLatch(1);
                List<Future<StoredImage>> results = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    TestImage img = images.get(i);
                    String name = "img" + i;
                    results.add(pool.submit(() -> {
                        go.await();
                        try (ImageStore.IngestLease lease = store.beginIngest()) {
                            return store.commit(Reference.parse(name), Digest.parse(img.manifestDigest()));
                        }
                    }));
                }
                go.countDown();
                Set<Path> baseDirs = new java.util.HashSet<>();
                for (Future<StoredImage> f : results) {
                    baseDirs.add(f.get(30, TimeUnit.SECONDS).layerDirs().get(0));
                }
                assertEquals(1, baseDirs.size());
                assertEquals(n + 1, store.unpackedLayers().size());
                assertEquals(n, store.list().size());
                assertEquals(200, java.nio.file.Files.list(baseDirs.iterator().next().resolve("base")).count());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
