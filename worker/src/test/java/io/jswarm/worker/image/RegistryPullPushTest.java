package io.jswarm.worker.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jswarm.testkit.FakeClock;
import io.jswarm.testkit.images.BusyboxImage;
import io.jswarm.testkit.images.LayerTar;
import io.jswarm.testkit.images.LocalRegistry;
import io.jswarm.testkit.images.TestImage;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Push and pull against a real registry (Debian's docker-registry on 127.0.0.1), with the project's own code. */
class RegistryPullPushTest {
    static TestImage busybox;
    static final HttpClient HTTP = RegistryClient.newHttpClient();

    @TempDir
    Path dir;
    LocalRegistry registry;
    RegistryConfig config;
    ImageStore source;
    ImageStore target;

    @BeforeAll
    static void buildBusybox(@TempDir Path work) throws Exception {
        assumeTrue(LocalRegistry.available(), "docker-registry is not installed (bin/install-deps --test)");
        busybox = BusyboxImage.build(work);
    }

    @BeforeEach
    void start() throws Exception {
        registry = LocalRegistry.start(dir);
        config = RegistryConfig.defaults().withInsecure(registry.hostPort()).withRetries(2, Duration.ZERO);
        source = ImageStore.open(dir.resolve("source"), new FakeClock());
        target = ImageStore.open(dir.resolve("target"), new FakeClock());
    }

    @AfterEach
    void stop() throws Exception {
        if (registry != null) {
            registry.close();
        }
    }

    private Reference ref(String nameAndTag) {
        return Reference.parse(registry.hostPort() + "/" + nameAndTag);
    }

    @Test
    void pushedBusyboxPullsBackVerifiedAndRuns() throws Exception {
        Images.store(source, busybox, "busybox");
        RecordingListener pushed = new RecordingListener();
        Digest digest = new Pusher(source, config, HTTP).push("busybox", ref("jswarm/busybox:1"), pushed);
        assertEquals(Digest.parse(busybox.manifestDigest()), digest);
        assertEquals(2, pushed.count("finished "), "layer and config uploaded: " + pushed.events);

        RecordingListener pulled = new RecordingListener();
        StoredImage img = new Puller(target, config, HTTP).pull(ref("jswarm/busybox:1"), pulled);
        assertEquals(digest, img.manifestDigest());
        assertEquals(List.of("sh"), img.config().cmd());
        TestImage.Layer layer = busybox.layers().get(0);
        assertEquals(1, pulled.count("started sha256:" + layer.digest().substring(7)), pulled.events.toString());
        assertEquals(layer.blob().length, pulled.lastProgress, "progress reached the layer size");

        Path rootfs = img.layerDirs().get(0);
        assertTrue(Files.isExecutable(rootfs.resolve("bin/busybox")));
        assertEquals(Path.of("/bin/busybox"), Files.readSymbolicLink(rootfs.resolve("bin/sh")));
        if (new com.sun.security.auth.module.UnixSystem().getUid() == 0) {
            Process p = new ProcessBuilder("chroot", rootfs.toString(), "/bin/sh", "-c", "echo hello from $(basename $0) | tr a-z A-Z")
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            assertEquals("HELLO FROM SH\n", out, "applet symlinks work inside the unpacked rootfs");
        }

        RecordingListener again = new RecordingListener();
        new Pusher(source, config, HTTP).push("busybox", ref("jswarm/busybox:2"), again);
        assertEquals(2, again.count("present "), "second push uploads nothing: " + again.events);
        StoredImage byDigest = new Puller(target, config, HTTP).pull(ref("jswarm/busybox@" + digest), again);
        assertEquals(img.layerDirs(), byDigest.layerDirs(), "pull by digest reuses the unpacked layer");
    }

    @Test
    void anImageIndexPicksTheNodesPlatform() throws Exception {
        Map<String, TestImage> byPlatform = new LinkedHashMap<>();
        byPlatform.put("linux/amd64", TestImage.builder().platform("linux", "amd64").layer(new LayerTar().file("arch", "amd64", 0644)).build());
        byPlatform.put("linux/arm64", TestImage.builder().platform("linux", "arm64").layer(new LayerTar().file("arch", "arm64", 0644)).build());
        int n = 0;
        for (TestImage image : byPlatform.values()) {
            Images.store(source, image, "p" + n);
            new Pusher(source, config, HTTP).push("p" + n++, ref("jswarm/multi@" + image.manifestDigest()), ProgressListener.NONE);
        }
        new RegistryClient(HTTP, config, registry.hostPort())
                .putManifest("jswarm/multi", "1", TestImage.index(byPlatform), MediaTypes.OCI_INDEX);

        StoredImage arm = new Puller(target, config.withPlatform(ImagePlatform.parse("linux/arm64/v8")), HTTP)
                .pull(ref("jswarm/multi:1"), ProgressListener.NONE);
        assertEquals("arm64", Files.readString(arm.layerDirs().get(0).resolve("arch")));
        assertEquals(Digest.parse(byPlatform.get("linux/arm64").manifestDigest()), arm.manifestDigest());
        StoredImage amd = new Puller(target, config.withPlatform(ImagePlatform.LINUX_AMD64), HTTP)
                .pull(ref("jswarm/multi:1"), ProgressListener.NONE);
        assertEquals("amd64", Files.readString(amd.layerDirs().get(0).resolve("arch")));

        ImageNotFoundException e = assertThrows(ImageNotFoundException.class, () ->
                new Puller(target, config.withPlatform(ImagePlatform.parse("linux/s390x")), HTTP).pull(ref("jswarm/multi:1"), ProgressListener.NONE));
        assertTrue(e.getMessage().contains("linux/s390x") && e.getMessage().contains("linux/arm64"), e.getMessage());
    }

    @Test
    void aCorruptedBlobIsRejectedAndNotKept() throws Exception {
        TestImage image = TestImage.builder().layer(new LayerTar().file("data", "x".repeat(10_000), 0644)).build();
        Images.store(source, image, "c");
        new Pusher(source, config, HTTP).push("c", ref("jswarm/corrupt:1"), ProgressListener.NONE);
        String hex = image.layers().get(0).digest().substring(7);
        Path stored = registry.storage().resolve("docker/registry/v2/blobs/sha256/" + hex.substring(0, 2) + "/" + hex + "/data");
        byte[] bytes = Files.readAllBytes(stored);
        bytes[bytes.length / 2] ^= 0x55;
        Files.write(stored, bytes);

        DigestMismatchException e = assertThrows(DigestMismatchException.class,
                () -> new Puller(target, config, HTTP).pull(ref("jswarm/corrupt:1"), ProgressListener.NONE));
        assertEquals(Digest.parse(image.layers().get(0).digest()), e.expected());
        assertFalse(target.hasBlob(e.expected()));
        assertFalse(target.contains(ref("jswarm/corrupt:1").toString()));
        assertTrue(target.unpackedLayers().isEmpty());
        try (Stream<Path> s = Files.list(target.root().resolve("tmp"))) {
            assertEquals(0, s.count(), "no partial download left");
        }
    }

    @Test
    void unknownImagesAndRepositoriesAreReportedAsSuch() {
        ImageNotFoundException e = assertThrows(ImageNotFoundException.class,
                () -> new Puller(target, config, HTTP).pull(ref("jswarm/nothing:1"), ProgressListener.NONE));
        assertTrue(e.getMessage().contains("jswarm/nothing:1") && e.getMessage().contains("not found"), e.getMessage());
    }

    @Test
    void aRegistryThatIsNotInsecureIsSpokenToOverHttpsOnly() {
        RegistryConfig strict = RegistryConfig.defaults().withRetries(1, Duration.ZERO);
        RegistryException e = assertThrows(RegistryException.class,
                () -> new Puller(target, strict, HTTP).pull(ref("jswarm/busybox:1"), ProgressListener.NONE));
        assertTrue(e.getMessage().contains("failed after 1 attempts"), e.getMessage());
    }
}
