package io.jswarm.compose.validate;

import io.jswarm.compose.merge.ListForms;
import io.jswarm.compose.model.Dependency;
import io.jswarm.compose.model.FileRef;
import io.jswarm.compose.yaml.YMap;
import io.jswarm.compose.yaml.YNode;
import io.jswarm.compose.yaml.YScalar;
import io.jswarm.compose.yaml.YSeq;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a service refers to elsewhere in the file: {@code networks}, {@code secrets},
 * {@code configs} and {@code depends_on}. That the names are defined is checked by
 * {@link ProjectReader} once every section is read.
 */
final class ServiceLinksReader {
    private final Fields f;

    ServiceLinksReader(Fields f) {
        this.f = f;
    }

    Map<String, List<String>> networks(YNode node, String path) {
        YMap m = ListForms.toMap(node, "networks");
        if (m == null) {
            f.error(node, path, "expected a list of network names or a mapping, got " + Fields.quote(node));
            return null;
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        m.entries().forEach((net, v) -> {
            String p = path + "." + net;
            List<String> aliases = List.of();
            YMap opts = f.map(v, p);
            if (opts != null) {
                f.keys(opts, p, Set.of("aliases"), Map.of(
                        "ipv4_address", "addresses are assigned by the cluster",
                        "ipv6_address", "addresses are assigned by the cluster",
                        "link_local_ips", "addresses are assigned by the cluster",
                        "mac_address", "addresses are assigned by the cluster",
                        "driver_opts", "per-endpoint driver options are not supported",
                        "priority", "not supported",
                        "gw_priority", "not supported",
                        "interface_name", "not supported"));
                if (opts.has("aliases")) {
                    List<String> a = f.strings(opts.get("aliases"), p + ".aliases", false);
                    aliases = a == null ? List.of() : a;
                }
            }
            out.put(net, aliases);
        });
        return out;
    }

    List<FileRef> fileRefs(YNode node, String path) {
        List<FileRef> out = new ArrayList<>();
        if (!(node instanceof YSeq seq)) {
            f.error(node, path, "expected a list, got " + Fields.quote(node));
            return out;
        }
        for (int i = 0; i < seq.items().size(); i++) {
            YNode item = seq.items().get(i);
            String p = path + "[" + i + "]";
            if (item instanceof YMap r) {
                f.keys(r, p, Set.of("source", "target", "uid", "gid", "mode"), Map.of());
                if (!r.has("source")) {
                    f.error(r, p, "needs a source (the name under the top-level key)");
                    continue;
                }
                String source = f.string(r.get("source"), p + ".source");
                String target = r.has("target") ? f.string(r.get("target"), p + ".target") : null;
                String uid = r.has("uid") ? f.string(r.get("uid"), p + ".uid") : null;
                String gid = r.has("gid") ? f.string(r.get("gid"), p + ".gid") : null;
                Integer mode = r.has("mode") ? fileMode(r.get("mode"), p + ".mode") : null;
                if (source != null) {
                    out.add(new FileRef(source, target, uid, gid, mode));
                }
            } else {
                String source = f.string(item, p);
                if (source != null) {
                    out.add(new FileRef(source, null, null, null, null));
                }
            }
        }
        return out;
    }

    /** YAML 1.1 reads {@code 0440} as octal 288 already; a string "0440" is read as octal too. */
    private Integer fileMode(YNode n, String path) {
        if (n instanceof YScalar s && !s.isNull()) {
            String t = s.text().strip();
            try {
                int v = s.type() == YScalar.Type.INT ? Integer.decode(t.startsWith("0o") ? "0" + t.substring(2) : t)
                        : Integer.parseInt(t, 8);
                if (v >= 0 && v <= 07777) {
                    return v;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        f.error(n, path, "expected a file mode such as 0440, got " + Fields.quote(n));
        return null;
    }

    Map<String, Dependency> dependsOn(YNode node, String path) {
        YMap m = ListForms.toMap(node, "depends_on");
        if (m == null) {
            f.error(node, path, "expected a list of service names or a mapping, got " + Fields.quote(node));
            return null;
        }
        Map<String, Dependency> out = new LinkedHashMap<>();
        m.entries().forEach((svc, v) -> {
            String p = path + "." + svc;
            YMap d = f.map(v, p);
            if (d == null) {
                return;
            }
            f.keys(d, p, Set.of("condition", "restart", "required"), Map.of());
            Dependency.Condition condition = Dependency.Condition.SERVICE_STARTED;
            if (d.has("condition")) {
                String c = f.choice(d.get("condition"), p + ".condition",
                        List.of("service_started", "service_healthy", "service_completed_successfully"));
                if (c != null) {
                    condition = Dependency.Condition.valueOf(c.toUpperCase(Locale.ROOT));
                }
            }
            boolean restart = d.has("restart") && Boolean.TRUE.equals(f.bool(d.get("restart"), p + ".restart"));
            boolean required = !d.has("required") || !Boolean.FALSE.equals(f.bool(d.get("required"), p + ".required"));
            out.put(svc, new Dependency(condition, restart, required));
        });
        return out;
    }
}
