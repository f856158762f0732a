package io.jswarm.testkit.images;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** Archives as {@code docker save} and OCI tools write them, built from {@link TestImage}s for load tests. */
public final class ImageArchives {
    private ImageArchives() {}

    /**
     * The classic {@code docker save} layout: manifest.json, {@code <config hex>.json} and one
     * uncompressed {@code <diffid hex>/layer.tar} per layer.
     */
    public static byte[] dockerSave(TestImage image, List<String> repoTags) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        String configName = image.configDigest().substring(7) + ".json";
        StringBuilder layers = new StringBuilder();
        for (TestImage.Layer l : image.layers()) {
            String name = l.diffId().substring(7) + "/layer.tar";
            files.put(name, l.tar());
            layers.append(layers.length() == 0 ? "" : ",").append('"').append(name).append('"');
        }
        files.put(configName, image.config());
        StringBuilder tags = new StringBuilder();
        repoTags.forEach(t -> tags.append(tags.length() == 0 ? "" : ",").append('"').append(t).append('"'));
        files.put("manifest.json", ("[{\"Config\":\"" + configName + "\",\"RepoTags\":[" + tags + "],\"Layers\":[" + layers + "]}]")
                .getBytes(StandardCharsets.UTF_8));
        return tar(files);
    }

    /** An OCI image layout as a tar: oci-layout, index.json naming the image {@code refName}, blobs/sha256/*. */
    public static byte[] oci(TestImage image, String refName) {
        return tar(ociFiles(image, refName));
    }

    /** The files of {@link #oci} by path, for tests that tamper with one before tarring. */
    public static Map<String, byte[]> ociFiles(TestImage image, String refName) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("oci-layout", "{\"imageLayoutVersion\":\"1.0.0\"}".getBytes(StandardCharsets.UTF_8));
        String d = TestImage.descriptor(image.mediaType(), image.manifestDigest(), image.manifest().length);
        files.put("index.json", ("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\",\"manifests\":["
                + d.substring(0, d.length() - 1) + ",\"annotations\":{\"org.opencontainers.image.ref.name\":\"" + refName + "\"}}]}")
                .getBytes(StandardCharsets.UTF_8));
        files.put("blobs/sha256/" + image.manifestDigest().substring(7), image.manifest());
        image.blobs().forEach((digest, bytes) -> files.put("blobs/sha256/" + digest.substring(7), bytes));
        return files;
    }

    public static byte[] tar(Map<String, byte[]> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream out = new TarArchiveOutputStream(bytes)) {
            out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                TarArchiveEntry e = new TarArchiveEntry(f.getKey());
                e.setSize(f.getValue().length);
                e.setMode(0644);
                out.putArchiveEntry(e);
                out.write(f.getValue());
                out.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
