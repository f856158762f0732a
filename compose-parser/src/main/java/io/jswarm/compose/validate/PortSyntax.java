package io.jswarm.compose.validate;

import io.jswarm.api.service.PortConfig;
import io.jswarm.api.service.Protocol;
import io.jswarm.api.service.PublishMode;
import io.jswarm.compose.model.Located;
import io.jswarm.compose.yaml.YMap;
import io.jswarm.compose.yaml.YNode;
import io.jswarm.compose.yaml.YScalar;
import io.jswarm.compose.yaml.YSeq;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ports:} in both syntaxes. Short: {@code [HOST_IP:][PUBLISHED[-END]:]TARGET[-END][/PROTOCOL]},
 * e.g. {@code 3000}, {@code "8000:80"}, {@code "9090-9091:8080-8081"}, {@code "127.0.0.1:5000:5000/udp"};
 * ranges expand to one port each (as docker/cli does). Long: {@code target}, {@code published},
 * {@code protocol}, {@code mode}. A host IP cannot be honoured by the routing mesh and is warned about.
 */
final class PortSyntax {
    private PortSyntax() {}

    private static final Pattern SHORT = Pattern.compile(
            "^(?:(?<ip>\\[[0-9a-fA-F:.]+\\]|\\d{1,3}(?:\\.\\d{1,3}){3}):)?"
                    + "(?:(?<pub>\\d*(?:-\\d+)?):)?(?<target>\\d+(?:-\\d+)?)(?:/(?<proto>[a-zA-Z]+))?$");
    private static final Set<String> LONG_KEYS = Set.of("target", "published", "protocol", "mode", "name");
    private static final Map<String, String> LONG_IGNORED = Map.of(
            "host_ip", "a published port opens on every node through the routing mesh; it cannot bind one address",
            "app_protocol", "jswarm does not use application protocol hints");

    static List<Located<PortConfig>> read(Fields f, YNode node, String path) {
        List<Located<PortConfig>> out = new ArrayList<>();
        if (!(node instanceof YSeq seq)) {
            f.error(node, path, "expected a list of ports, got " + Fields.quote(node));
            return out;
        }
        for (int i = 0; i < seq.items().size(); i++) {
            YNode item = seq.items().get(i);
            String p = path + "[" + i + "]";
            if (item instanceof YMap m) {
                PortConfig pc = longForm(f, m, p);
                if (pc != null) {
                    out.add(new Located<>(pc, p));
                }
            } else if (item instanceof YScalar s && (s.type() == YScalar.Type.INT || s.type() == YScalar.Type.STRING)) {
                for (PortConfig pc : shortForm(f, s, p)) {
                    out.add(new Located<>(pc, p));
                }
            } else {
                f.error(item, p, "expected a port such as \"8080:80\" or a mapping with target/published, got " + Fields.quote(item));
            }
        }
        return out;
    }

    private static List<PortConfig> shortForm(Fields f, YScalar s, String path) {
        Matcher m = SHORT.matcher(s.text().strip());
        if (!m.matches()) {
            f.error(s, path, "invalid port \"" + s.text() + "\" (use TARGET, PUBLISHED:TARGET or IP:PUBLISHED:TARGET, "
                    + "optionally with ranges like 8000-8005 and /tcp, /udp or /sctp)");
            return List.of();
        }
        Protocol proto = protocol(f, s, path, m.group("proto") == null ? "tcp" : m.group("proto"));
        if (proto == null) {
            return List.of();
        }
        if (m.group("ip") != null) {
            f.diag.warn(s.pos(), path, "host IP " + m.group("ip") + " ignored: the routing mesh publishes on every address of every node");
        }
        int[] target = range(f, s, path, m.group("target"));
        String pubText = m.group("pub");
        int[] published = pubText == null || pubText.isEmpty() ? null : range(f, s, path, pubText);
        if (target == null || (pubText != null && !pubText.isEmpty() && published == null)) {
            return List.of();
        }
        int count = target[1] - target[0] + 1;
        if (published != null && published[1] - published[0] + 1 != count) {
            f.error(s, path, "port ranges differ in length: " + pubText + " published for " + m.group("target"));
            return List.of();
        }
        if (count > 1000) {
            f.error(s, path, "port range of " + count + " ports is refused (at most 1000)");
            return List.of();
        }
        List<PortConfig> out = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            out.add(new PortConfig(null, proto, target[0] + k, published == null ? null : published[0] + k, PublishMode.INGRESS));
        }
        return out;
    }

    private static int[] range(Fields f, YScalar s, String path, String text) {
        String[] parts = text.split("-");
        int lo = port(f, s, path, parts[0]);
        int hi = parts.length > 1 ? port(f, s, path, parts[1]) : lo;
        if (lo < 0 || hi < 0) {
            return null;
        }
        if (hi < lo) {
            f.error(s, path, "port range " + text + " ends before it starts");
            return null;
        }
        return new int[] {lo, hi};
    }

    private static int port(Fields f, YScalar s, String path, String text) {
        try {
            int p = Integer.parseInt(text);
            if (p >= 1 && p <= 65535) {
                return p;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        f.error(s, path, "port " + text + " out of range 1-65535");
        return -1;
    }

    private static Protocol protocol(Fields f, YNode at, String path, String text) {
        try {
            return Protocol.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            f.error(at, path, "unknown protocol \"" + text + "\" (use tcp, udp or sctp)");
            return null;
        }
    }

    private static PortConfig longForm(Fields f, YMap m, String path) {
        f.keys(m, path, LONG_KEYS, LONG_IGNORED);
        if (!m.has("target")) {
            f.error(m, path, "a port needs a target");
            return null;
        }
        Integer target = f.integer(m.get("target"), path + ".target", 1);
        if (target != null && target > 65535) {
            f.error(m.get("target"), path + ".target", "port " + target + " out of range 1-65535");
            target = null;
        }
        Integer published = null;
        if (m.has("published") && !(m.get("published") instanceof YScalar ps && ps.isNull())) {
            published = f.integer(m.get("published"), path + ".published", 1);
            if (published != null && published > 65535) {
                f.error(m.get("published"), path + ".published", "port " + published + " out of range 1-65535");
                return null;
            }
        }
        Protocol proto = Protocol.TCP;
        if (m.has("protocol")) {
            String p = f.string(m.get("protocol"), path + ".protocol");
            proto = p == null ? null : protocol(f, m.get("protocol"), path + ".protocol", p);
        }
        PublishMode mode = PublishMode.INGRESS;
        if (m.has("mode")) {
            String md = f.choice(m.get("mode"), path + ".mode", List.of("ingress", "host"));
            mode = md == null ? null : PublishMode.valueOf(md.toUpperCase(Locale.ROOT));
        }
        String name = m.has("name") ? f.string(m.get("name"), path + ".name") : null;
        if (target == null || proto == null || mode == null) {
            return null;
        }
        return new PortConfig(name, proto, target, published, mode);
    }
}
