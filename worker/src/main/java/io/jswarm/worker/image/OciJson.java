package io.jswarm.worker.image;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reading and writing OCI/Docker JSON documents. These are foreign formats that grow new fields,
 * so they are read as trees (unknown fields ignored) rather than with jswarm's strict mapper, and
 * every accessor names the field it found missing or mistyped.
 */
final class OciJson {
    private OciJson() {}

    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build());
    }

    static JsonNode parse(byte[] json, String what) {
        try {
            JsonNode node = MAPPER.readTree(json);
            if (node == null || !node.isObject()) {
                throw new InvalidImageException(what + " is not a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new InvalidImageException(what + " is not valid JSON: " + e.getMessage(), e);
        }
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    static String text(JsonNode node, String field, String what) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new InvalidImageException(what + "." + field + " must be a string");
        }
        return v.asText();
    }

    static String requiredText(JsonNode node, String field, String what) {
        String v = text(node, field, what);
        if (v == null) {
            throw new InvalidImageException(what + "." + field + " is missing");
        }
        return v;
    }

    /** A list of strings, or null when absent (Docker distinguishes "unset" from "empty" for Cmd/Entrypoint). */
    static List<String> strings(JsonNode node, String field, String what) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isArray()) {
            throw new InvalidImageException(what + "." + field + " must be a list of strings");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode e : v) {
            if (!e.isTextual()) {
                throw new InvalidImageException(what + "." + field + " must be a list of strings");
            }
            out.add(e.asText());
        }
        return out;
    }

    static Map<String, String> stringMap(JsonNode node, String field, String what) {
        JsonNode v = node.get(field);
        Map<String, String> out = new LinkedHashMap<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (!v.isObject()) {
            throw new InvalidImageException(what + "." + field + " must be an object of strings");
        }
        v.properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    static Digest digest(JsonNode node, String field, String what) {
        String text = requiredText(node, field, what);
        try {
            return Digest.parse(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidImageException(what + "." + field + ": " + e.getMessage());
        }
    }

    static Descriptor descriptor(JsonNode node, String what) {
        if (node == null || !node.isObject()) {
            throw new InvalidImageException(what + " must be a descriptor object");
        }
        String mediaType = requiredText(node, "mediaType", what);
        Digest digest = digest(node, "digest", what);
        JsonNode size = node.get("size");
        if (size == null || !size.canConvertToLong() || size.asLong() < 0) {
            throw new InvalidImageException(what + ".size must be a non-negative integer");
        }
        ImagePlatform platform = null;
        JsonNode p = node.get("platform");
        if (p != null && p.isObject()) {
            platform = new ImagePlatform(requiredText(p, "os", what + ".platform"),
                    requiredText(p, "architecture", what + ".platform"), text(p, "variant", what + ".platform"));
        }
        return new Descriptor(mediaType, digest, size.asLong(), platform, stringMap(node, "annotations", what));
    }

    static ObjectNode descriptorJson(Descriptor d) {
        ObjectNode n = object();
        n.put("mediaType", d.mediaType());
        n.put("digest", d.digest().toString());
        n.put("size", d.size());
        if (d.platform() != null) {
            ObjectNode p = n.putObject("platform");
            p.put("architecture", d.platform().architecture());
            p.put("os", d.platform().os());
            if (d.platform().variant() != null) {
                p.put("variant", d.platform().variant());
            }
        }
        if (!d.annotations().isEmpty()) {
            ObjectNode a = n.putObject("annotations");
            new java.util.TreeMap<>(d.annotations()).forEach(a::put);
        }
        return n;
    }
}
