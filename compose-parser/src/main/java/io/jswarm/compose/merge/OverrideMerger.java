package io.jswarm.compose.merge;

import io.jswarm.compose.yaml.Position;
import io.jswarm.compose.yaml.YMap;
import io.jswarm.compose.yaml.YNode;
import io.jswarm.compose.yaml.YScalar;
import io.jswarm.compose.yaml.YSeq;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Stage 3: merges the trees of several {@code -c} files, later files overriding earlier ones, by
 * the compose-spec merge rules:
 * <ul>
 *   <li>mappings merge key by key, recursively; a scalar or a different kind replaces;</li>
 *   <li>{@code command}, {@code entrypoint} and {@code healthcheck.test} are replaced whole;</li>
 *   <li>{@code environment}, {@code labels}, {@code deploy.labels}, {@code sysctls}, {@code ulimits},
 *       {@code depends_on}, service {@code networks} and {@code build.args} merge as maps even when
 *       one file uses the list form;</li>
 *   <li>{@code ports}, {@code volumes}, {@code secrets}, {@code configs} merge by their identity
 *       (published port, else target port; mount target; secret target), the later entry replacing;</li>
 *   <li>string lists such as {@code dns}, {@code cap_add}, {@code profiles}, {@code env_file},
 *       placement constraints are unions (a single string counts as a list of one);</li>
 *   <li>any other list is appended.</li>
 * </ul>
 * Every value keeps the position of the file it came from, so later errors point into the right file.
 */
public final class OverrideMerger {
    private OverrideMerger() {}

    private static final Set<String> REPLACED = Set.of("command", "entrypoint", "healthcheck.test");
    private static final Set<String> AS_MAP = Set.of("environment", "labels", "deploy.labels", "sysctls",
            "ulimits", "depends_on", "networks", "build.args");
    private static final Set<String> UNIONS = Set.of("dns", "dns_search", "dns_opt", "cap_add", "cap_drop", "profiles",
            "env_file", "tmpfs", "expose", "extra_hosts", "deploy.placement.constraints", "security_opt", "devices", "links");
    private static final Map<String, Function<YNode, String>> BY_IDENTITY = Map.of(
            "ports", OverrideMerger::portIdentity,
            "volumes", OverrideMerger::volumeIdentity,
            "secrets", OverrideMerger::fileIdentity,
            "configs", OverrideMerger::fileIdentity);

    /**
     * Merges {@code files} in order. {@code !reset} on a value removes what earlier files set
     * (and the key itself), {@code !override} replaces the earlier value instead of merging.
     */
    public static YNode mergeAll(List<YNode> files) {
        YNode acc = files.get(0);
        for (int k = 1; k < files.size(); k++) {
            acc = merge(acc, files.get(k), "");
        }
        return withoutResets(acc);
    }

    /**
     * Drops keys still tagged {@code !reset} (e.g. in the first file) and forgets the tags;
     * untagged subtrees are returned as they are.
     */
    private static YNode withoutResets(YNode n) {
        if (n instanceof YMap m) {
            Map<String, YNode> out = new LinkedHashMap<>();
            Map<String, Position> keys = new LinkedHashMap<>();
            boolean changed = !m.mergeTags().isEmpty();
            for (Map.Entry<String, YNode> e : m.entries().entrySet()) {
                if (m.tag(e.getKey()) == YMap.MergeTag.RESET) {
                    continue;
                }
                YNode v = withoutResets(e.getValue());
                changed |= v != e.getValue();
                out.put(e.getKey(), v);
                keys.put(e.getKey(), m.keyPos(e.getKey()));
            }
            return changed ? new YMap(out, keys, m.pos()) : m;
        }
        if (n instanceof YSeq s) {
            List<YNode> items = new ArrayList<>();
            boolean changed = false;
            for (YNode item : s.items()) {
                YNode v = withoutResets(item);
                changed |= v != item;
                items.add(v);
            }
            return changed ? new YSeq(items, s.pos()) : s;
        }
        return n;
    }

    static YNode merge(YNode base, YNode over, String path) {
        String rule = serviceRelative(path);
        if (rule != null) {
            if (REPLACED.contains(rule)) {
                return over;
            }
            if (AS_MAP.contains(rule)) {
                YMap b = ListForms.toMap(base, rule);
                YMap o = ListForms.toMap(over, rule);
                if (b != null && o != null) {
                    return mergeMaps(b, o, path);
                }
                return over;
            }
            if (UNIONS.contains(rule)) {
                return union(asSeq(base), asSeq(over));
            }
            Function<YNode, String> identity = BY_IDENTITY.get(rule);
            if (identity != null && base instanceof YSeq b && over instanceof YSeq o) {
                return byIdentity(b, o, identity);
            }
        }
        if (base instanceof YMap b && over instanceof YMap o) {
            return mergeMaps(b, o, path);
        }
        if (base instanceof YSeq b && over instanceof YSeq o) {
            List<YNode> items = new ArrayList<>(b.items());
            items.addAll(o.items());
            return new YSeq(items, o.pos());
        }
        return over;
    }

    private static YMap mergeMaps(YMap base, YMap over, String path) {
        Map<String, YNode> out = new LinkedHashMap<>(base.entries());
        Map<String, Position> keys = new LinkedHashMap<>(base.keyPositions());
        Map<String, YMap.MergeTag> tags = new LinkedHashMap<>(base.mergeTags());
        over.entries().forEach((k, v) -> {
            YMap.MergeTag tag = over.tag(k);
            YNode prev = out.get(k);
            if (tag == YMap.MergeTag.RESET) {
                out.remove(k);
                keys.remove(k);
                tags.remove(k);
                return;
            }
            out.put(k, prev == null || tag == YMap.MergeTag.OVERRIDE ? v : merge(prev, v, path.isEmpty() ? k : path + "." + k));
            keys.put(k, over.keyPos(k));
            tags.remove(k);
        });
        return new YMap(out, keys, tags, over.pos());
    }

    /** The key path inside a service ("deploy.labels") or null outside services. */
    private static String serviceRelative(String path) {
        if (!path.startsWith("services.")) {
            return null;
        }
        int dot = path.indexOf('.', "services.".length());
        return dot < 0 ? null : path.substring(dot + 1);
    }

    private static YNode asSeq(YNode n) {
        return n instanceof YScalar s && !s.isNull() ? new YSeq(List.of(s), s.pos()) : n;
    }

    private static YNode union(YNode base, YNode over) {
        if (!(base instanceof YSeq b) || !(over instanceof YSeq o)) {
            return over;
        }
        List<YNode> items = new ArrayList<>(b.items());
        for (YNode n : o.items()) {
            boolean dup = n instanceof YScalar s && items.stream().anyMatch(x -> x instanceof YScalar xs && xs.text().equals(s.text()));
            if (!dup) {
                items.add(n);
            }
        }
        return new YSeq(items, o.pos());
    }

    private static YSeq byIdentity(YSeq base, YSeq over, Function<YNode, String> identity) {
        Map<String, YNode> byKey = new LinkedHashMap<>();
        List<YNode> unkeyed = new ArrayList<>();
        for (YSeq s : List.of(base, over)) {
            for (YNode n : s.items()) {
                String key = identity.apply(n);
                if (key == null) {
                    unkeyed.add(n);
                } else {
                    byKey.put(key, n);
                }
            }
        }
        List<YNode> items = new ArrayList<>(byKey.values());
        items.addAll(unkeyed);
        return new YSeq(items, over.pos());
    }

    /**
     * A published port is a cluster-wide resource, so a later file that publishes the same port
     * (and protocol) replaces the earlier mapping instead of colliding with it; unpublished ports
     * are identified by their target.
     */
    private static String portIdentity(YNode n) {
        String published;
        String target;
        String proto;
        if (n instanceof YScalar s) {
            String t = s.text();
            int slash = t.indexOf('/');
            proto = slash < 0 ? "tcp" : t.substring(slash + 1);
            String ports = slash < 0 ? t : t.substring(0, slash);
            int colon = ports.lastIndexOf(':');
            target = ports.substring(colon + 1);
            String rest = colon < 0 ? "" : ports.substring(0, colon);
            published = rest.substring(rest.lastIndexOf(':') + 1);
        } else if (n instanceof YMap m) {
            published = text(m.get("published"));
            target = text(m.get("target"));
            proto = m.has("protocol") ? text(m.get("protocol")) : "tcp";
        } else {
            return null;
        }
        return published.isEmpty() ? "target:" + target + "/" + proto : "published:" + published + "/" + proto;
    }

    private static String volumeIdentity(YNode n) {
        if (n instanceof YScalar s) {
            String[] parts = s.text().split(":");
            return parts.length == 1 ? parts[0] : parts[1];
        }
        return n instanceof YMap m && m.has("target") ? text(m.get("target")) : null;
    }

    private static String fileIdentity(YNode n) {
        if (n instanceof YScalar s) {
            return s.text();
        }
        if (n instanceof YMap m) {
            return m.has("target") ? "target:" + text(m.get("target")) : text(m.get("source"));
        }
        return null;
    }

    private static String text(YNode n) {
        return n instanceof YScalar s ? s.text() : "";
    }
}
