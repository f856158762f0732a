package io.jswarm.worker.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jswarm.testkit.FakeClock;
import io.jswarm.testkit.images.ImageArchives;
import io.jswarm.testkit.images.LayerTar;
import io.jswarm.testkit.images.TestImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadImportTest {
    @TempDir
    Path dir;
    ImageStore store;
    ArchiveLoader loader;

    static final TestImage TWO_LAYERS = TestImage.builder().docker()
            .layer(new LayerTar().dir("etc", 0755).file("etc/motd", "hi\n", 0644).file("etc/old", "o", 0644))
            .layer(new LayerTar().whiteout("etc/old").file("app", "#!/bin/sh\n", 0755))
            .configBody("\"Cmd\":[\"/app\"],\"Labels\":{\"from\":\"save\"}").build();

    @BeforeEach
    void open() throws Exception {
        store = ImageStore.open(dir.resolve("images"), new FakeClock());
        loader = new ArchiveLoader(store, ImagePlatform.LINUX_AMD64);
    }

    private Path write(String name, byte[] bytes) throws Exception {
        return Files.write(dir.resolve(name), bytes);
    }

    @Test
    void dockerSaveArchivesLoadWithTheirTagsAndImageId() throws Exception {
        Path archive = write("save.tar", ImageArchives.dockerSave(TWO_LAYERS, List.of("app:1", "example.com/team/app:1")));
        List<StoredImage> loaded = loader.load(archive);
        assertEquals(List.of("docker.io/library/app:1", "example.com/team/app:1"), loaded.stream().map(StoredImage::reference).toList());
        StoredImage img = store.resolve("app:1");
        assertEquals(Digest.parse(TWO_LAYERS.configDigest()), img.imageId(), "image ID is Docker's (the config digest)");
        assertEquals(List.of("/app"), img.config().cmd());
        assertEquals("hi\n", Files.readString(img.layerDirs().get(0).resolve("etc/motd")));
        assertTrue(Files.exists(img.layerDirs().get(1).resolve("app")));
        assertEquals(2, img.layerDirs().size());
        try (var s = Files.list(store.root().resolve("tmp"))) {
            assertEquals(0, s.count(), "the unpacked archive is deleted");
        }
    }

    @Test
    void gzippedArchivesLoadToo() throws Exception {
        Path archive = write("save.tar.gz", LayerTar.gzip(ImageArchives.dockerSave(TWO_LAYERS, List.of("app:gz"))));
        assertEquals("docker.io/library/app:gz", loader.load(archive).get(0).reference());
    }

    @Test
    void ociArchivesLoadByFullNameOrUntagged() throws Exception {
        TestImage oci = TestImage.builder().layer(new LayerTar().file("x", "y", 0644)).build();
        StoredImage named = loader.load(write("oci.tar", ImageArchives.oci(oci, "registry.local/x/y:2"))).get(0);
        assertEquals("registry.local/x/y:2", named.reference());
        assertEquals(Digest.parse(oci.manifestDigest()), named.manifestDigest());
        assertEquals("y", Files.readString(named.layerDirs().get(0).resolve("x")));

        TestImage other = TestImage.builder().layer(new LayerTar().file("x", "z", 0644)).build();
        StoredImage untagged = loader.load(write("oci2.tar", ImageArchives.oci(other, "2.0"))).get(0);
        assertEquals(other.manifestDigest(), untagged.reference(), "a tag-only ref.name leaves the image untagged");
        assertTrue(store.list().stream().anyMatch(s -> s.reference().equals(other.manifestDigest())));
    }

    @Test
    void aCorruptBlobInAnOciArchiveIsRejected() throws Exception {
        TestImage oci = TestImage.builder().layer(new LayerTar().file("x", "y", 0644)).build();
        String layerName = "blobs/sha256/" + oci.layers().get(0).digest().substring(7);
        Map<String, byte[]> files = new java.util.LinkedHashMap<>(ImageArchives.ociFiles(oci, "a/b:1"));
        files.put(layerName, LayerTar.gzip("not the layer".getBytes()));
        DigestMismatchException e = assertThrows(DigestMismatchException.class,
                () -> loader.load(write("bad.tar", ImageArchives.tar(files))));
        assertTrue(e.getMessage().contains("archive bad.tar"), e.getMessage());
        assertFalse(store.contains("a/b:1"));
        assertFalse(store.hasBlob(Digest.parse(oci.layers().get(0).digest())));
    }

    @Test
    void somethingElseIsRefusedWithAClearMessage() throws Exception {
        InvalidImageException notTar = assertThrows(InvalidImageException.class, () -> loader.load(write("junk.tar", new byte[]{1, 2, 3})));
        assertTrue(notTar.getMessage().contains("neither") || notTar.getMessage().contains("not a readable tar"), notTar.getMessage());
        InvalidImageException empty = assertThrows(InvalidImageException.class,
                () -> loader.load(write("other.tar", ImageArchives.tar(Map.of("readme", "x".getBytes())))));
        assertTrue(empty.getMessage().contains("neither a docker save archive"), empty.getMessage());
    }

    @Test
    void archiveEntriesCannotEscapeThroughSymlinks() throws Exception {
        Path outside = Files.createDirectory(dir.resolve("outside"));
        byte[] evil = new LayerTar().symlink("d", outside.toString()).file("d/x/manifest.json", "[]", 0644).tar();
        InvalidImageException e = assertThrows(InvalidImageException.class, () -> loader.load(write("evil.tar", evil)));
        assertTrue(e.getMessage().contains("symlink"), e.getMessage());
        try (var s = Files.list(outside)) {
            assertEquals(0, s.count(), "nothing written outside the archive's directory");
        }
        byte[] leak = new LayerTar().symlink("manifest.json", "/etc/hostname").tar();
        InvalidImageException l = assertThrows(InvalidImageException.class, () -> loader.load(write("leak.tar", leak)));
        assertTrue(l.getMessage().contains("neither") || l.getMessage().contains("not a file inside"), l.getMessage());
    }

    @Test
    void aRootfsTarballImportsAsAOneLayerImage() throws Exception {
        LayerTar rootfs = new LayerTar().dir("bin", 0755).file("bin/hello", "#!/bin/sh\necho hi\n", 0755).symlink("bin/hi", "hello");
        byte[] plain = rootfs.tar();
        FakeClock clock = new FakeClock(Instant.parse("2026-03-04T05:06:07Z"));
        ImageStore s = ImageStore.open(dir.resolve("imp"), clock);
        StoredImage img = new RootfsImporter(s, ImagePlatform.LINUX_AMD64)
                .importTarball(write("rootfs.tar.gz", LayerTar.gzip(plain)), Reference.parse("imported:1"), List.of("/bin/hello"));
        assertEquals(1, img.layerDirs().size());
        assertEquals(List.of(Digest.parse(LayerTar.sha256(plain))), img.config().diffIds(), "diff ID is the plain tar's digest");
        assertEquals(List.of("/bin/hello"), img.config().cmd());
        assertEquals("2026-03-04T05:06:07Z", img.config().created());
        assertEquals("amd64", img.config().architecture());
        assertEquals(Path.of("hello"), Files.readSymbolicLink(img.layerDirs().get(0).resolve("bin/hi")));
        assertEquals(MediaTypes.OCI_LAYER_GZIP, s.inspect("imported:1").layers().get(0).mediaType());

        StoredImage again = new RootfsImporter(s, ImagePlatform.LINUX_AMD64)
                .importTarball(write("rootfs.tar", plain), Reference.parse("imported:plain"), null);
        assertEquals(img.layerDirs(), again.layerDirs(), "same content, same unpacked layer");
    }
}
