package io.jswarm.worker.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * An image manifest (OCI or Docker v2 schema 2 — the same shape): one config blob and the layer
 * blobs, lowest layer first.
 */
public record ImageManifest(String mediaType, Descriptor config, List<Descriptor> layers) {
    public ImageManifest {
        layers = List.copyOf(layers);
    }

    /** Parses a manifest; {@code contentType} (from HTTP, may be null) is used when the document has no mediaType. */
    public static ImageManifest parse(byte[] json, String contentType) {
        JsonNode n = OciJson.parse(json, "manifest");
        String mediaType = OciJson.text(n, "mediaType", "manifest");
        if (mediaType == null) {
            mediaType = contentType != null && MediaTypes.MANIFESTS.contains(contentType) ? contentType : MediaTypes.OCI_MANIFEST;
        }
        if (!MediaTypes.MANIFESTS.contains(mediaType)) {
            throw new InvalidImageException("manifest.mediaType '" + mediaType + "' is not an image manifest (want "
                    + MediaTypes.OCI_MANIFEST + " or " + MediaTypes.DOCKER_MANIFEST + ")");
        }
        JsonNode schema = n.get("schemaVersion");
        if (schema == null || schema.asInt() != 2) {
            throw new InvalidImageException("manifest.schemaVersion must be 2 (schema 1 manifests are not supported)");
        }
        Descriptor config = OciJson.descriptor(n.get("config"), "manifest.config");
        JsonNode layersNode = n.get("layers");
        if (layersNode == null || !layersNode.isArray()) {
            throw new InvalidImageException("manifest.layers must be a list");
        }
        List<Descriptor> layers = new ArrayList<>();
        for (int i = 0; i < layersNode.size(); i++) {
            Descriptor d = OciJson.descriptor(layersNode.get(i), "manifest.layers[" + i + "]");
            if (!MediaTypes.isGzipLayer(d.mediaType()) && !MediaTypes.isPlainLayer(d.mediaType())) {
                throw new InvalidImageException("manifest.layers[" + i + "].mediaType '" + d.mediaType()
                        + "' is not supported (only tar and tar+gzip layers)");
            }
            layers.add(d);
        }
        return new ImageManifest(mediaType, config, layers);
    }

    /** The canonical JSON of an OCI manifest built by jswarm (import, load). */
    public byte[] toJson() {
        ObjectNode n = OciJson.object();
        n.put("schemaVersion", 2);
        n.put("mediaType", mediaType);
        n.set("config", OciJson.descriptorJson(config));
        ArrayNode l = n.putArray("layers");
        layers.forEach(d -> l.add(OciJson.descriptorJson(d)));
        return OciJson.bytes(n);
    }
}
