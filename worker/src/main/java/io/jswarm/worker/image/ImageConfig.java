package io.jswarm.worker.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jswarm.api.task.HealthConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What an image says about running it (the {@code config} object of the OCI/Docker image config)
 * plus its platform and the layer diff IDs. These are the defaults a service inherits when its
 * spec does not override them, as in Docker. {@code entrypoint} and {@code cmd} are null when the
 * image leaves them unset (different from an empty list in Docker's merge rules).
 */
public record ImageConfig(
        String os,
        String architecture,
        String created,
        String user,
        List<String> env,
        List<String> entrypoint,
        List<String> cmd,
        String workingDir,
        SortedSet<String> exposedPorts,
        Map<String, String> labels,
        HealthConfig healthcheck,
        String stopSignal,
        List<Digest> diffIds) {

    public ImageConfig {
        env = env == null ? List.of() : List.copyOf(env);
        entrypoint = entrypoint == null ? null : List.copyOf(entrypoint);
        cmd = cmd == null ? null : List.copyOf(cmd);
        exposedPorts = exposedPorts == null ? new TreeSet<>() : new TreeSet<>(exposedPorts);
        labels = labels == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(labels));
        diffIds = List.copyOf(diffIds);
    }

    public static ImageConfig parse(byte[] json) {
        JsonNode n = OciJson.parse(json, "config");
        JsonNode rootfs = n.get("rootfs");
        if (rootfs == null || !rootfs.isObject()) {
            throw new InvalidImageException("config.rootfs is missing");
        }
        List<String> ids = OciJson.strings(rootfs, "diff_ids", "config.rootfs");
        if (ids == null) {
            throw new InvalidImageException("config.rootfs.diff_ids is missing");
        }
        List<Digest> diffIds = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            try {
                diffIds.add(Digest.parse(ids.get(i)));
            } catch (IllegalArgumentException e) {
                throw new InvalidImageException("config.rootfs.diff_ids[" + i + "]: " + e.getMessage());
            }
        }
        JsonNode c = n.get("config");
        if (c == null || c.isNull()) {
            c = OciJson.object();
        }
        SortedSet<String> ports = new TreeSet<>();
        JsonNode exposed = c.get("ExposedPorts");
        if (exposed != null && exposed.isObject()) {
            exposed.fieldNames().forEachRemaining(ports::add);
        }
        return new ImageConfig(
                OciJson.text(n, "os", "config"), OciJson.text(n, "architecture", "config"), OciJson.text(n, "created", "config"),
                OciJson.text(c, "User", "config.config"), OciJson.strings(c, "Env", "config.config"),
                OciJson.strings(c, "Entrypoint", "config.config"), OciJson.strings(c, "Cmd", "config.config"),
                OciJson.text(c, "WorkingDir", "config.config"), ports, OciJson.stringMap(c, "Labels", "config.config"),
                healthcheck(c.get("Healthcheck")), OciJson.text(c, "StopSignal", "config.config"), diffIds);
    }

    private static HealthConfig healthcheck(JsonNode h) {
        if (h == null || !h.isObject()) {
            return null;
        }
        List<String> test = OciJson.strings(h, "Test", "config.config.Healthcheck");
        Integer retries = h.hasNonNull("Retries") ? h.get("Retries").asInt() : null;
        return new HealthConfig(test, nanos(h, "Interval"), nanos(h, "Timeout"), retries, nanos(h, "StartPeriod"));
    }

    /** Docker stores health durations as integer nanoseconds; 0 means "the default", like null. */
    private static Duration nanos(JsonNode h, String field) {
        JsonNode v = h.get(field);
        if (v == null || v.isNull() || v.asLong() == 0) {
            return null;
        }
        if (!v.canConvertToLong()) {
            throw new InvalidImageException("config.config.Healthcheck." + field + " must be nanoseconds");
        }
        return Duration.ofNanos(v.asLong());
    }

    /** The OCI image config JSON for this config (used when jswarm creates an image: import, fixtures). */
    public byte[] toJson() {
        ObjectNode n = OciJson.object();
        if (created != null) {
            n.put("created", created);
        }
        n.put("architecture", architecture);
        n.put("os", os);
        ObjectNode c = n.putObject("config");
        if (user != null) {
            c.put("User", user);
        }
        if (!env.isEmpty()) {
            env.forEach(c.putArray("Env")::add);
        }
        if (entrypoint != null) {
            entrypoint.forEach(c.putArray("Entrypoint")::add);
        }
        if (cmd != null) {
            cmd.forEach(c.putArray("Cmd")::add);
        }
        if (workingDir != null) {
            c.put("WorkingDir", workingDir);
        }
        if (!exposedPorts.isEmpty()) {
            ObjectNode p = c.putObject("ExposedPorts");
            exposedPorts.forEach(port -> p.putObject(port));
        }
        if (!labels.isEmpty()) {
            ObjectNode l = c.putObject("Labels");
            labels.forEach(l::put);
        }
        if (healthcheck != null) {
            ObjectNode h = c.putObject("Healthcheck");
            healthcheck.test().forEach(h.putArray("Test")::add);
            putNanos(h, "Interval", healthcheck.interval());
            putNanos(h, "Timeout", healthcheck.timeout());
            putNanos(h, "StartPeriod", healthcheck.startPeriod());
            if (healthcheck.retries() != null) {
                h.put("Retries", healthcheck.retries());
            }
        }
        if (stopSignal != null) {
            c.put("StopSignal", stopSignal);
        }
        ObjectNode rootfs = n.putObject("rootfs");
        rootfs.put("type", "layers");
        ArrayNode ids = rootfs.putArray("diff_ids");
        diffIds.forEach(d -> ids.add(d.toString()));
        return OciJson.bytes(n);
    }

    private static void putNanos(ObjectNode h, String field, Duration d) {
        if (d != null) {
            h.put(field, d.toNanos());
        }
    }

    /** A minimal config for a new image of {@code diffIds} on {@code platform}. */
    public static ImageConfig minimal(ImagePlatform platform, String created, List<Digest> diffIds) {
        return new ImageConfig(platform.os(), platform.architecture(), created, null, List.of(), null, null, null,
                null, null, null, null, diffIds);
    }

    public ImageConfig withCmd(List<String> newCmd) {
        return new ImageConfig(os, architecture, created, user, env, entrypoint, newCmd, workingDir, exposedPorts, labels,
                healthcheck, stopSignal, diffIds);
    }
}
