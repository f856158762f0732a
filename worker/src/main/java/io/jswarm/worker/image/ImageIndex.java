package io.jswarm.worker.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** An image index (OCI) or manifest list (Docker): one manifest per platform. */
public record ImageIndex(String mediaType, List<Descriptor> manifests) {
    public ImageIndex {
        manifests = List.copyOf(manifests);
    }

    public static ImageIndex parse(byte[] json, String contentType) {
        JsonNode n = OciJson.parse(json, "index");
        String mediaType = OciJson.text(n, "mediaType", "index");
        if (mediaType == null) {
            mediaType = contentType != null && MediaTypes.INDEXES.contains(contentType) ? contentType : MediaTypes.OCI_INDEX;
        }
        JsonNode list = n.get("manifests");
        if (list == null || !list.isArray()) {
            throw new InvalidImageException("index.manifests must be a list");
        }
        List<Descriptor> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            out.add(OciJson.descriptor(list.get(i), "index.manifests[" + i + "]"));
        }
        return new ImageIndex(mediaType, out);
    }

    /** True when the document is an index rather than a manifest (by its mediaType, else by its shape). */
    public static boolean isIndex(byte[] json, String contentType) {
        JsonNode n = OciJson.parse(json, "manifest");
        String mediaType = OciJson.text(n, "mediaType", "manifest");
        if (mediaType != null) {
            return MediaTypes.INDEXES.contains(mediaType);
        }
        if (contentType != null && MediaTypes.INDEXES.contains(contentType)) {
            return true;
        }
        return n.has("manifests") && !n.has("layers");
    }

    /**
     * The manifest for {@code want}: os and architecture must match; a matching variant is
     * preferred, then an entry without variant, then any variant (as containerd's matcher does for
     * the common cases). Entries that are not image manifests (attestations) are skipped.
     */
    public Optional<Descriptor> choose(ImagePlatform want) {
        Descriptor sameArchOtherVariant = null;
        Descriptor noVariant = null;
        for (Descriptor d : manifests) {
            ImagePlatform p = d.platform();
            if (p == null || !MediaTypes.MANIFESTS.contains(d.mediaType())
                    || !p.os().equals(want.os()) || !p.architecture().equals(want.architecture())) {
                continue;
            }
            if (java.util.Objects.equals(p.variant(), want.variant())) {
                return Optional.of(d);
            }
            if (p.variant() == null && noVariant == null) {
                noVariant = d;
            } else if (sameArchOtherVariant == null) {
                sameArchOtherVariant = d;
            }
        }
        return Optional.ofNullable(noVariant != null ? noVariant : sameArchOtherVariant);
    }

    public byte[] toJson() {
        ObjectNode n = OciJson.object();
        n.put("schemaVersion", 2);
        n.put("mediaType", mediaType);
        ArrayNode l = n.putArray("manifests");
        manifests.forEach(d -> l.add(OciJson.descriptorJson(d)));
        return OciJson.bytes(n);
    }
}
