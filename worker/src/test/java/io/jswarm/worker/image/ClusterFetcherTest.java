package io.jswarm.worker.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jswarm.testkit.FakeClock;
import io.jswarm.testkit.images.LayerTar;
import io.jswarm.testkit.images.TestImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A worker that never saw an image fetches it by digest from a manager's store (in process here). */
class ClusterFetcherTest {
    @TempDir
    Path dir;
    ImageStore manager;
    ImageStore worker;
    StoredImage onManager;
    ClusterFetcher fetcher;
    static final TestImage IMAGE = TestImage.builder().layer(new LayerTar().file("a", "1", 0644))
            .layer(new LayerTar().file("b", "2", 0644)).build();

    @BeforeEach
    void setUp() throws Exception {
        manager = ImageStore.open(dir.resolve("manager"), new FakeClock());
        worker = ImageStore.open(dir.resolve("worker"), new FakeClock());
        onManager = Images.store(manager, IMAGE, "private/app:1");
        fetcher = new ClusterFetcher(worker, RegistryConfig.defaults().withRetries(2, Duration.ZERO));
    }

    @Test
    void fetchesMissingBlobsFromTheManagerAndVerifiesThem() throws Exception {
        RecordingListener l = new RecordingListener();
        StoredImage got = fetcher.ensure(Reference.parse("private/app:1"), onManager.manifestDigest(),
                new StoreBlobSource(manager, "manager m1"), l);
        assertEquals(onManager.manifestDigest(), got.manifestDigest());
        assertEquals("2", Files.readString(got.layerDirs().get(1).resolve("b")));
        assertEquals(2, l.count("finished "), l.events.toString());

        // Already there: nothing fetched, the source is not even asked.
        BlobSource refusing = new BlobSource() {
            @Override
            public InputStream open(Digest digest) {
                throw new AssertionError("asked for " + digest);
            }

            @Override
            public String describe() {
                return "nobody";
            }
        };
        assertEquals(got.layerDirs(), fetcher.ensure(Reference.parse("private/app:1"), onManager.manifestDigest(), refusing,
                ProgressListener.NONE).layerDirs());
    }

    @Test
    void aSourceServingWrongBytesIsRejectedAndNothingIsKept() throws Exception {
        Digest badLayer = Digest.parse(IMAGE.layers().get(1).digest());
        BlobSource lying = new BlobSource() {
            @Override
            public InputStream open(Digest digest) throws IOException {
                return digest.equals(badLayer) ? new ByteArrayInputStream(new byte[]{1, 2, 3}) : manager.openBlob(digest);
            }

            @Override
            public String describe() {
                return "manager m2";
            }
        };
        DigestMismatchException e = assertThrows(DigestMismatchException.class,
                () -> fetcher.ensure(Reference.parse("private/app:1"), onManager.manifestDigest(), lying, ProgressListener.NONE));
        assertTrue(e.getMessage().contains("manager m2"), e.getMessage());
        assertFalse(worker.hasBlob(badLayer));
        assertFalse(worker.contains("private/app:1"));
    }

    @Test
    void aBlobTheSourceLacksIsReportedAsNotFound() throws Exception {
        ImageStore empty = ImageStore.open(dir.resolve("empty"), new FakeClock());
        ImageNotFoundException e = assertThrows(ImageNotFoundException.class, () -> fetcher.ensure(
                Reference.parse("private/app:1"), onManager.manifestDigest(), new StoreBlobSource(empty, "manager m3"), ProgressListener.NONE));
        assertTrue(e.getMessage().contains(onManager.manifestDigest().toString()), e.getMessage());
    }
}
