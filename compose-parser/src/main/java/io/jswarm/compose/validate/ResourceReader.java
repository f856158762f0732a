package io.jswarm.compose.validate;

import io.jswarm.compose.model.FileContent;
import io.jswarm.compose.model.FileObjectDef;
import io.jswarm.compose.model.NetworkDef;
import io.jswarm.compose.model.VolumeDef;
import io.jswarm.compose.yaml.YMap;
import io.jswarm.compose.yaml.YNode;
import io.jswarm.compose.yaml.YScalar;
import io.jswarm.compose.yaml.YSeq;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Top-level {@code networks}, {@code volumes}, {@code secrets} and {@code configs}. */
final class ResourceReader {
    /** swarmkit's limits: secrets and configs are replicated through Raft to every manager. */
    static final int MAX_SECRET_BYTES = 500 * 1024;
    static final int MAX_CONFIG_BYTES = 1000 * 1024;

    private final Fields f;
    private final ReadContext ctx;

    ResourceReader(Fields f, ReadContext ctx) {
        this.f = f;
        this.ctx = ctx;
    }

    /** The external name: {@code external: true} + optional {@code name}, or the deprecated {@code external: {name: x}}. */
    private record External(boolean external, String name) {}

    private External external(YMap m, String path, String key) {
        String name = m.has("name") ? f.string(m.get("name"), path + ".name") : null;
        if (!m.has("external")) {
            return new External(false, name);
        }
        YNode e = m.get("external");
        if (e instanceof YMap em) {
            f.keys(em, path + ".external", Set.of("name"), Map.of());
            f.diag.warn(m.keyPos("external"), path + ".external", "external.name is deprecated; write external: true and name: …");
            if (em.has("name")) {
                name = f.string(em.get("name"), path + ".external.name");
            }
            return new External(true, name == null ? key : name);
        }
        Boolean ext = f.bool(e, path + ".external");
        boolean isExternal = Boolean.TRUE.equals(ext);
        return new External(isExternal, isExternal && name == null ? key : name);
    }

    private void onlyNameWhenExternal(YMap m, String path, External ext, Set<String> allowed) {
        if (!ext.external) {
            return;
        }
        for (String k : m.entries().keySet()) {
            if (!k.startsWith("x-") && !allowed.contains(k)) {
                f.diag.error(m.keyPos(k), path + "." + k, "an external resource is not created by the stack, so it cannot set " + k);
            }
        }
    }

    Map<String, NetworkDef> networks(YNode node) {
        Map<String, NetworkDef> out = new LinkedHashMap<>();
        YMap all = f.map(node, "networks");
        if (all == null) {
            return out;
        }
        all.entries().forEach((key, v) -> {
            String path = "networks." + key;
            YMap m = f.map(v, path);
            if (m == null) {
                return;
            }
            f.keys(m, path, Set.of("driver", "driver_opts", "attachable", "internal", "labels", "external", "name", "ipam"),
                    Map.of("enable_ipv6", "IPv6 networks are not supported yet", "enable_ipv4", "networks always have IPv4"));
            External ext = external(m, path, key);
            onlyNameWhenExternal(m, path, ext, Set.of("external", "name"));
            String driver = m.has("driver") ? f.choice(m.get("driver"), path + ".driver", List.of("overlay", "bridge")) : null;
            List<String> subnets = new ArrayList<>();
            if (m.has("ipam")) {
                subnets = ipam(m.get("ipam"), path + ".ipam");
            }
            out.put(key, new NetworkDef(key, ext.name, ext.external, driver, opts(m, path),
                    m.has("labels") ? ServiceReader.labels(f, m.get("labels"), path + ".labels") : null,
                    m.has("internal") && Boolean.TRUE.equals(f.bool(m.get("internal"), path + ".internal")),
                    m.has("attachable") && Boolean.TRUE.equals(f.bool(m.get("attachable"), path + ".attachable")),
                    subnets));
        });
        return out;
    }

    private List<String> ipam(YNode node, String path) {
        List<String> subnets = new ArrayList<>();
        YMap m = f.map(node, path);
        if (m == null) {
            return subnets;
        }
        f.keys(m, path, Set.of("driver", "config", "options"), Map.of());
        if (m.get("config") instanceof YSeq seq) {
            for (int i = 0; i < seq.items().size(); i++) {
                String p = path + ".config[" + i + "]";
                YMap c = f.map(seq.items().get(i), p);
                if (c == null) {
                    continue;
                }
                f.keys(c, p, Set.of("subnet", "gateway", "ip_range", "aux_addresses"), Map.of());
                if (c.has("subnet")) {
                    String s = f.string(c.get("subnet"), p + ".subnet");
                    if (s != null && !s.matches("[0-9a-fA-F:.]+/\\d{1,3}")) {
                        f.error(c.get("subnet"), p + ".subnet", "expected a subnet in CIDR form such as 10.0.9.0/24, got \"" + s + "\"");
                    } else if (s != null) {
                        subnets.add(s);
                    }
                }
            }
        } else if (m.has("config")) {
            f.error(m.get("config"), path + ".config", "expected a list, got " + Fields.quote(m.get("config")));
        }
        return subnets;
    }

    private Map<String, String> opts(YMap m, String path) {
        if (!m.has("driver_opts")) {
            return null;
        }
        Map<String, String> raw = f.stringMap(m.get("driver_opts"), path + ".driver_opts");
        Map<String, String> out = new LinkedHashMap<>();
        if (raw != null) {
            raw.forEach((k, v) -> out.put(k, v == null ? "" : v));
        }
        return out;
    }

    Map<String, VolumeDef> volumes(YNode node) {
        Map<String, VolumeDef> out = new LinkedHashMap<>();
        YMap all = f.map(node, "volumes");
        if (all == null) {
            return out;
        }
        all.entries().forEach((key, v) -> {
            String path = "volumes." + key;
            YMap m = f.map(v, path);
            if (m == null) {
                return;
            }
            f.keys(m, path, Set.of("driver", "driver_opts", "labels", "external", "name"), Map.of());
            External ext = external(m, path, key);
            onlyNameWhenExternal(m, path, ext, Set.of("external", "name"));
            String driver = m.has("driver") ? f.string(m.get("driver"), path + ".driver") : null;
            out.put(key, new VolumeDef(key, ext.name, ext.external, driver, opts(m, path),
                    m.has("labels") ? ServiceReader.labels(f, m.get("labels"), path + ".labels") : null));
        });
        return out;
    }

    /** Secrets ({@code configs=false}) or configs: external, or content from file, environment or inline. */
    Map<String, FileObjectDef> files(YNode node, String top, boolean configs) {
        Map<String, FileObjectDef> out = new LinkedHashMap<>();
        YMap all = f.map(node, top);
        if (all == null) {
            return out;
        }
        all.entries().forEach((key, v) -> {
            String path = top + "." + key;
            YMap m = f.map(v, path);
            if (m == null) {
                return;
            }
            Set<String> known = configs ? Set.of("file", "environment", "content", "external", "name", "labels")
                    : Set.of("file", "environment", "external", "name", "labels");
            f.keys(m, path, known, Map.of("driver", "secret drivers are not supported", "driver_opts", "secret drivers are not supported",
                    "template_driver", "templates are not supported"));
            External ext = external(m, path, key);
            onlyNameWhenExternal(m, path, ext, Set.of("external", "name"));
            List<String> sources = new ArrayList<>();
            for (String k : List.of("file", "environment", "content")) {
                if (m.has(k)) {
                    sources.add(k);
                }
            }
            if (ext.external) {
                out.put(key, new FileObjectDef(key, ext.name, true, null, null, null, null));
                return;
            }
            if (sources.size() != 1) {
                f.error(m, path, sources.isEmpty() ? "needs one of file, environment" + (configs ? ", content" : "") + " or external: true"
                        : "give only one of " + String.join(", ", sources));
                return;
            }
            String file = null;
            String environment = null;
            FileContent data = null;
            String src = sources.get(0);
            String value = f.string(m.get(src), path + "." + src);
            if (value == null) {
                return;
            }
            switch (src) {
                case "file" -> {
                    file = ctx.resolve(value);
                    try {
                        data = new FileContent(ctx.files().read(Path.of(file)));
                    } catch (IOException e) {
                        f.error(m.get("file"), path + ".file", "cannot read " + file + ": " + e.getMessage());
                    }
                }
                case "environment" -> {
                    environment = value;
                    String content = ctx.env().get(value);
                    if (content == null) {
                        f.error(m.get("environment"), path + ".environment", "variable " + value + " is not set");
                    } else {
                        data = new FileContent(content.getBytes(StandardCharsets.UTF_8));
                    }
                }
                default -> data = new FileContent(value.getBytes(StandardCharsets.UTF_8));
            }
            int max = configs ? MAX_CONFIG_BYTES : MAX_SECRET_BYTES;
            if (data != null && data.size() > max) {
                f.error(m.get(src), path + "." + src, (configs ? "a config" : "a secret") + " may hold at most " + max / 1024
                        + " KiB (" + max + " bytes), got " + data.size() + " bytes");
                return;
            }
            out.put(key, new FileObjectDef(key, ext.name, false, file, environment, data,
                    m.has("labels") ? ServiceReader.labels(f, m.get("labels"), path + ".labels") : null));
        });
        return out;
    }

    static boolean isNull(YNode n) {
        return n instanceof YScalar s && s.isNull();
    }
}
