package io.jswarm.worker.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jswarm.api.task.HealthConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Manifests, indexes, configs and credential files: parsing, choosing and the errors that name the field. */
class DocumentsTest {
    static final Digest A = Digest.of("a".getBytes());
    static final Digest B = Digest.of("b".getBytes());
    static final Digest C = Digest.of("c".getBytes());
    static final Digest D = Digest.of("d".getBytes());

    private static Descriptor entry(Digest d, String platform) {
        return new Descriptor(MediaTypes.OCI_MANIFEST, d, 10, ImagePlatform.parse(platform), Map.of());
    }

    @Test
    void indexChoosesOsAndArchThenTheBestVariant() {
        ImageIndex index = new ImageIndex(MediaTypes.OCI_INDEX, List.of(entry(A, "linux/amd64"), entry(B, "linux/arm/v6"),
                entry(C, "linux/arm/v7"), entry(D, "windows/amd64")));
        assertEquals(Optional.of(A), index.choose(ImagePlatform.LINUX_AMD64).map(Descriptor::digest));
        assertEquals(Optional.of(C), index.choose(ImagePlatform.parse("linux/arm/v7")).map(Descriptor::digest));
        assertEquals(Optional.of(B), index.choose(ImagePlatform.parse("linux/arm/v8")).map(Descriptor::digest), "another variant as a last resort");
        assertEquals(Optional.of(D), index.choose(ImagePlatform.parse("windows/amd64")).map(Descriptor::digest));
        assertEquals(Optional.empty(), index.choose(ImagePlatform.parse("linux/riscv64")));

        ImageIndex arm64 = new ImageIndex(MediaTypes.OCI_INDEX, List.of(entry(A, "linux/arm64"), entry(B, "linux/arm64/v8")));
        assertEquals(Optional.of(B), arm64.choose(ImagePlatform.parse("linux/arm64/v8")).map(Descriptor::digest));
        assertEquals(Optional.of(A), arm64.choose(ImagePlatform.parse("linux/arm64")).map(Descriptor::digest));
    }

    @Test
    void indexRoundTripsAndIsRecognised() {
        ImageIndex index = new ImageIndex(MediaTypes.DOCKER_MANIFEST_LIST, List.of(entry(A, "linux/amd64")));
        byte[] json = index.toJson();
        assertTrue(ImageIndex.isIndex(json, null));
        assertEquals(index, ImageIndex.parse(json, null));
        ImageManifest m = new ImageManifest(MediaTypes.DOCKER_MANIFEST, new Descriptor(MediaTypes.DOCKER_CONFIG, A, 1),
                List.of(new Descriptor(MediaTypes.DOCKER_LAYER_GZIP, B, 2)));
        assertTrue(!ImageIndex.isIndex(m.toJson(), null));
        assertEquals(m, ImageManifest.parse(m.toJson(), null));
    }

    @Test
    void malformedManifestsNameTheField() {
        assertMessage("manifest.schemaVersion must be 2", "{\"schemaVersion\":1,\"layers\":[]}");
        assertMessage("manifest.config must be a descriptor", "{\"schemaVersion\":2,\"layers\":[]}");
        assertMessage("manifest.layers[0].digest", "{\"schemaVersion\":2,\"config\":{\"mediaType\":\"x\",\"digest\":\"" + A
                + "\",\"size\":1},\"layers\":[{\"mediaType\":\"" + MediaTypes.OCI_LAYER + "\",\"digest\":\"sha256:zz\",\"size\":1}]}");
        assertMessage("manifest.layers[0].mediaType '" + MediaTypes.OCI_LAYER_ZSTD + "' is not supported",
                "{\"schemaVersion\":2,\"config\":{\"mediaType\":\"x\",\"digest\":\"" + A + "\",\"size\":1},\"layers\":[{\"mediaType\":\""
                        + MediaTypes.OCI_LAYER_ZSTD + "\",\"digest\":\"" + B + "\",\"size\":1}]}");
        assertMessage("not valid JSON", "{");
    }

    private static void assertMessage(String fragment, String json) {
        InvalidImageException e = assertThrows(InvalidImageException.class,
                () -> ImageManifest.parse(json.getBytes(StandardCharsets.UTF_8), null));
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    @Test
    void configRoundTripsKeepingUnsetApartFromEmpty() {
        ImageConfig c = new ImageConfig("linux", "amd64", "2026-01-01T00:00:00Z", "1000:1000", List.of("A=1"), List.of(),
                null, "/w", new TreeSet<>(List.of("80/tcp")), Map.of("k", "v"),
                new HealthConfig(List.of("CMD-SHELL", "true"), Duration.ofSeconds(3), Duration.ofSeconds(1), 5, Duration.ofSeconds(9)),
                "SIGQUIT", List.of(A, B));
        ImageConfig back = ImageConfig.parse(c.toJson());
        assertEquals(c, back);
        assertEquals(List.of(), back.entrypoint(), "an empty entrypoint stays empty");
        assertNull(back.cmd(), "an unset cmd stays unset");
        InvalidImageException e = assertThrows(InvalidImageException.class,
                () -> ImageConfig.parse("{\"rootfs\":{\"diff_ids\":[\"md5:x\"]}}".getBytes()));
        assertTrue(e.getMessage().contains("config.rootfs.diff_ids[0]"), e.getMessage());
        e = assertThrows(InvalidImageException.class,
                () -> ImageConfig.parse("{\"config\":{\"Cmd\":\"sh\"},\"rootfs\":{\"diff_ids\":[]}}".getBytes()));
        assertTrue(e.getMessage().contains("config.config.Cmd must be a list of strings"), e.getMessage());
    }

    @Test
    void credentialsReadDockerConfigFiles(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("config.json");
        Files.writeString(file, "{\"auths\":{\"https://index.docker.io/v1/\":{\"auth\":\"dTpw\"},"
                + "\"reg.example.com:5000\":{\"auth\":\"YWxpY2U6cDpw\"}},\"credsStore\":\"desktop\"}");
        Credentials c = Credentials.load(file);
        assertEquals(Optional.of(new Credentials.Credential("u", "p")), c.forRegistry("docker.io"));
        assertEquals(Optional.of(new Credentials.Credential("alice", "p:p")), c.forRegistry("reg.example.com:5000"),
                "only the first ':' separates user and password");
        assertEquals(Optional.empty(), c.forRegistry("other.example.com"));
        assertTrue(!new Credentials.Credential("u", "secret").toString().contains("secret"), "passwords are not printed");

        c.with("new.example.com", "n", "pw").save(file);
        Credentials back = Credentials.load(file);
        assertEquals(Optional.of(new Credentials.Credential("u", "p")), back.forRegistry("docker.io"));
        assertEquals(Optional.of(new Credentials.Credential("n", "pw")), back.forRegistry("new.example.com"));

        Files.writeString(file, "{\"auths\":{\"x\":{\"auth\":\"!!\"}}}");
        InvalidImageException e = assertThrows(InvalidImageException.class, () -> Credentials.load(file));
        assertTrue(e.getMessage().contains("auths.x.auth is not base64"), e.getMessage());
        assertEquals(Optional.empty(), Credentials.load(dir.resolve("missing.json")).forRegistry("docker.io"));
    }
}
