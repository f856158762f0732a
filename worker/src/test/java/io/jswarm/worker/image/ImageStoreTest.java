package io.jswarm.worker.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jswarm.testkit.FakeClock;
import io.jswarm.testkit.images.LayerTar;
import io.jswarm.testkit.images.TestImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageStoreTest {
    @TempDir
    Path dir;
    ImageStore store;

    static final LayerTar BASE = new LayerTar().dir("etc", 0755).file("etc/os-release", "base\n", 0644)
            .dir("bin", 0755).file("bin/tool", "#!/bin/sh\n", 04755).symlink("bin/alias", "tool");

    @BeforeEach
    void open() throws Exception {
        store = ImageStore.open(dir.resolve("images"), new FakeClock());
    }

    @Test
    void storesAnImageAndResolvesItsLayersAndConfig() throws Exception {
        TestImage image = TestImage.builder().layer(BASE)
                .configBody("\"User\":\"nobody\",\"Env\":[\"A=1\"],\"Entrypoint\":[\"/bin/tool\"],\"Cmd\":[\"run\"],"
                        + "\"WorkingDir\":\"/srv\",\"ExposedPorts\":{\"80/tcp\":{},\"53/udp\":{}},\"Labels\":{\"team\":\"core\"},"
                        + "\"Healthcheck\":{\"Test\":[\"CMD\",\"true\"],\"Interval\":5000000000,\"Retries\":2},\"StopSignal\":\"SIGINT\"")
                .build();
        Images.store(store, image, "127.0.0.1:5000/app:1");

        StoredImage s = store.resolve("127.0.0.1:5000/app:1");
        assertEquals(Digest.parse(image.manifestDigest()), s.manifestDigest());
        assertEquals(Digest.parse(image.configDigest()), s.imageId());
        assertEquals(1, s.layerDirs().size());
        Path layer = s.layerDirs().get(0);
        assertEquals(dir.resolve("images/layers/sha256/" + image.layers().get(0).diffId().substring(7)), layer);
        assertEquals("base\n", Files.readString(layer.resolve("etc/os-release")));
        assertEquals(04755, (int) Files.getAttribute(layer.resolve("bin/tool"), "unix:mode") & 07777, "setuid kept");
        assertEquals(Path.of("tool"), Files.readSymbolicLink(layer.resolve("bin/alias")));

        ImageConfig c = s.config();
        assertEquals("nobody", c.user());
        assertEquals(List.of("A=1"), c.env());
        assertEquals(List.of("/bin/tool"), c.entrypoint());
        assertEquals(List.of("run"), c.cmd());
        assertEquals("/srv", c.workingDir());
        assertEquals(Set.of("53/udp", "80/tcp"), c.exposedPorts());
        assertEquals("core", c.labels().get("team"));
        assertEquals(List.of("CMD", "true"), c.healthcheck().test());
        assertEquals(Duration.ofSeconds(5), c.healthcheck().interval());
        assertNull(c.healthcheck().timeout());
        assertEquals(2, c.healthcheck().retries());
        assertEquals("SIGINT", c.stopSignal());

        // by digest, by image id, and after reopening the store
        assertEquals(s.manifestDigest(), store.resolve("127.0.0.1:5000/app@" + image.manifestDigest()).manifestDigest());
        assertEquals(s.manifestDigest(), store.resolve(image.configDigest()).manifestDigest());
        ImageStore reopened = ImageStore.open(dir.resolve("images"), new FakeClock());
        assertEquals(s.layerDirs(), reopened.resolve("127.0.0.1:5000/app:1").layerDirs());
    }

    @Test
    void lsInspectTagAndRemove() throws Exception {
        TestImage image = TestImage.builder().layer(BASE).build();
        Images.store(store, image, "busybox");
        store.tag("busybox", Reference.parse("example.com/b:2"));

        List<ImageSummary> ls = store.list();
        assertEquals(List.of("docker.io/library/busybox:latest", "example.com/b:2"), ls.stream().map(ImageSummary::reference).toList());
        assertEquals(image.config().length + image.layers().get(0).blob().length, ls.get(0).size());

        ImageDetails d = store.inspect("busybox:latest");
        assertEquals(List.of("docker.io/library/busybox:latest", "example.com/b:2"), d.references());
        assertEquals(List.of("sh"), d.config().cmd());
        assertEquals(MediaTypes.OCI_MANIFEST, d.manifestMediaType());

        store.remove("busybox");
        assertFalse(store.contains("busybox"));
        assertTrue(store.contains("example.com/b:2"));
        ImageNotFoundException e = assertThrows(ImageNotFoundException.class, () -> store.resolve("busybox"));
        assertTrue(e.getMessage().contains("busybox"), e.getMessage());
        assertThrows(ImageNotFoundException.class, () -> store.remove("busybox"));
    }

    @Test
    void twoImagesShareABaseLayerAndGcRemovesOnlyUnreferencedData() throws Exception {
        TestImage.Layer base = TestImage.builder().layer(BASE).build().layers().get(0);
        TestImage a = TestImage.builder().layer(base).layer(new LayerTar().file("a.txt", "a", 0644)).build();
        TestImage b = TestImage.builder().layer(base).layer(new LayerTar().file("b.txt", "b", 0644)).build();
        StoredImage sa = Images.store(store, a, "a");
        StoredImage sb = Images.store(store, b, "b");

        assertEquals(sa.layerDirs().get(0), sb.layerDirs().get(0), "one directory for the shared base");
        assertEquals(3, store.unpackedLayers().size());
        assertEquals(2 + 2 + 3, store.blobs().size(), "2 manifests, 2 configs, 3 distinct layer blobs");

        assertEquals(new GcReport(0, 0, 0), store.gc(Set.of()), "everything is referenced");

        store.remove("a");
        GcReport report = store.gc(Set.of());
        assertEquals(3, report.blobsRemoved(), "a's manifest, config and top layer blob");
        assertEquals(1, report.layersRemoved());
        assertTrue(report.bytesFreed() > 0);
        assertFalse(Files.exists(sa.layerDirs().get(1)));
        assertTrue(Files.isDirectory(sb.layerDirs().get(0)), "shared base kept");
        assertEquals("b", Files.readString(store.resolve("b").layerDirs().get(1).resolve("b.txt")));
        assertFalse(store.hasBlob(Digest.parse(a.manifestDigest())));
        assertTrue(store.hasBlob(Digest.parse(base.digest())));

        store.remove("b");
        assertThrows(ImageNotFoundException.class, () -> store.resolve(b.manifestDigest()), "no name left");
    }

    @Test
    void pinnedManifestsSurviveGc() throws Exception {
        TestImage a = TestImage.builder().layer(BASE).build();
        StoredImage sa = Images.store(store, a, "a");
        store.remove("a");
        assertEquals(new GcReport(0, 0, 0), store.gc(Set.of(sa.manifestDigest())), "a running container's image is kept");
        GcReport r = store.gc(Set.of());
        assertEquals(3, r.blobsRemoved());
        assertEquals(1, r.layersRemoved());
        assertTrue(store.blobs().isEmpty());
        assertTrue(store.unpackedLayers().isEmpty());
    }

    @Test
    void aBlobThatDoesNotMatchItsDigestIsNotKept() throws Exception {
        byte[] good = "content".getBytes(StandardCharsets.UTF_8);
        Digest expected = Digest.of(good);
        DigestMismatchException e = assertThrows(DigestMismatchException.class, () -> store.putBlob(
                new ByteArrayInputStream("tampered".getBytes(StandardCharsets.UTF_8)), expected, good.length, n -> {}, "blob x"));
        assertEquals(expected, e.expected());
        assertTrue(e.getMessage().contains("nothing was kept"), e.getMessage());
        assertTrue(store.blobs().isEmpty());
        assertEquals(0, Files.list(dir.resolve("images/tmp")).count(), "no partial file left");
    }

    @Test
    void aLayerWhoseDiffIdDoesNotMatchIsNotUnpacked() throws Exception {
        TestImage real = TestImage.builder().layer(BASE).build();
        TestImage.Layer l = real.layers().get(0);
        TestImage.Layer lying = new TestImage.Layer(l.tar(), l.blob(), l.digest(), LayerTar.sha256("other".getBytes()), l.mediaType());
        TestImage image = TestImage.builder().layer(lying).build();
        DigestMismatchException e = assertThrows(DigestMismatchException.class, () -> Images.store(store, image, "x"));
        assertTrue(e.getMessage().contains("uncompressed"), e.getMessage());
        assertTrue(store.unpackedLayers().isEmpty());
        assertFalse(store.contains("x"));
        try (var s = Files.list(dir.resolve("images/layers"))) {
            assertEquals(List.of("sha256"), s.map(p -> p.getFileName().toString()).toList(), "no tmp- dir left");
        }
    }

    @Test
    void entriesClimbingOutOfTheLayerAreRefused() throws Exception {
        TestImage image = TestImage.builder().layer(new LayerTar().file("../escape", "x", 0644)).build();
        InvalidImageException e = assertThrows(InvalidImageException.class, () -> Images.store(store, image, "evil"));
        assertTrue(e.getMessage().contains("'..'"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("images/layers/escape")));
        TestImage viaLink = TestImage.builder()
                .layer(new LayerTar().symlink("etc", "/tmp").file("etc/planted", "x", 0644)).build();
        assertThrows(InvalidImageException.class, () -> Images.store(store, viaLink, "evil2"));
        Path secret = Files.writeString(dir.resolve("host-secret"), "s");
        TestImage hardlinkOut = TestImage.builder()
                .layer(new LayerTar().symlink("host", dir.toString()).hardlink("stolen", "host/host-secret")).build();
        InvalidImageException h = assertThrows(InvalidImageException.class, () -> Images.store(store, hardlinkOut, "evil3"));
        assertTrue(h.getMessage().contains("hard link"), h.getMessage());
        assertEquals(1, Files.getAttribute(secret, "unix:nlink"), "no link to the host file was made");
        assertTrue(store.unpackedLayers().isEmpty());
    }
}
