package io.jswarm.testkit.images;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An image built in memory for tests, all by digest: gzip layers, an OCI config whose diff_ids
 * are the uncompressed layer digests, and a manifest (OCI or Docker schema 2). {@link #blobs()}
 * is everything a registry or archive must hold.
 */
public record TestImage(String mediaType, byte[] manifest, String manifestDigest, byte[] config, String configDigest,
                        List<Layer> layers) {

    /** A layer: {@code blob} is what is stored/sent (gzip), {@code diffId} the digest of the plain tar. */
    public record Layer(byte[] tar, byte[] blob, String digest, String diffId, String mediaType) {}

    public static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    public static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";

    public Map<String, byte[]> blobs() {
        Map<String, byte[]> out = new LinkedHashMap<>();
        out.put(configDigest, config);
        layers.forEach(l -> out.put(l.digest(), l.blob()));
        return out;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final List<Layer> layers = new ArrayList<>();
        private String mediaType = OCI_MANIFEST;
        private String architecture = "amd64";
        private String os = "linux";
        private String configBody = "\"Env\":[\"PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\"],\"Cmd\":[\"sh\"]";

        public Builder layer(LayerTar tar) {
            byte[] plain = tar.tar();
            byte[] gz = LayerTar.gzip(plain);
            boolean oci = mediaType.equals(OCI_MANIFEST);
            layers.add(new Layer(plain, gz, LayerTar.sha256(gz), LayerTar.sha256(plain),
                    oci ? "application/vnd.oci.image.layer.v1.tar+gzip" : "application/vnd.docker.image.rootfs.diff.tar.gzip"));
            return this;
        }

        /** Adds a layer already built (shared base layers keep their exact bytes and digests). */
        public Builder layer(Layer layer) {
            layers.add(layer);
            return this;
        }

        public Builder docker() {
            mediaType = DOCKER_MANIFEST;
            return this;
        }

        public Builder platform(String os, String architecture) {
            this.os = os;
            this.architecture = architecture;
            return this;
        }

        /** The members of the config's {@code config} object, as raw JSON (without braces). */
        public Builder configBody(String json) {
            this.configBody = json;
            return this;
        }

        public TestImage build() {
            boolean oci = mediaType.equals(OCI_MANIFEST);
            StringBuilder diffIds = new StringBuilder();
            for (Layer l : layers) {
                diffIds.append(diffIds.length() == 0 ? "" : ",").append('"').append(l.diffId()).append('"');
            }
            String config = "{\"architecture\":\"" + architecture + "\",\"os\":\"" + os + "\",\"created\":\"2026-01-01T00:00:00Z\","
                    + "\"config\":{" + configBody + "},\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[" + diffIds + "]}}";
            byte[] configBytes = config.getBytes(StandardCharsets.UTF_8);
            String configDigest = LayerTar.sha256(configBytes);
            StringBuilder layerJson = new StringBuilder();
            for (Layer l : layers) {
                layerJson.append(layerJson.length() == 0 ? "" : ",")
                        .append(descriptor(l.mediaType(), l.digest(), l.blob().length));
            }
            String manifest = "{\"schemaVersion\":2,\"mediaType\":\"" + mediaType + "\",\"config\":"
                    + descriptor(oci ? "application/vnd.oci.image.config.v1+json" : "application/vnd.docker.container.image.v1+json",
                    configDigest, configBytes.length)
                    + ",\"layers\":[" + layerJson + "]}";
            byte[] manifestBytes = manifest.getBytes(StandardCharsets.UTF_8);
            return new TestImage(mediaType, manifestBytes, LayerTar.sha256(manifestBytes), configBytes, configDigest, List.copyOf(layers));
        }
    }

    static String descriptor(String mediaType, String digest, long size) {
        return "{\"mediaType\":\"" + mediaType + "\",\"digest\":\"" + digest + "\",\"size\":" + size + "}";
    }

    /** An OCI image index over {@code images}, each entry with the platform given as "os/arch". */
    public static byte[] index(Map<String, TestImage> byPlatform) {
        StringBuilder sb = new StringBuilder("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\",\"manifests\":[");
        boolean first = true;
        for (Map.Entry<String, TestImage> e : byPlatform.entrySet()) {
            String[] p = e.getKey().split("/");
            TestImage img = e.getValue();
            String d = descriptor(img.mediaType(), img.manifestDigest(), img.manifest().length);
            sb.append(first ? "" : ",").append(d, 0, d.length() - 1)
                    .append(",\"platform\":{\"os\":\"").append(p[0]).append("\",\"architecture\":\"").append(p[1]).append("\"}}");
            first = false;
        }
        return sb.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }
}
