package io.jswarm.compose.validate;

import io.jswarm.api.task.Ulimit;
import io.jswarm.compose.yaml.YMap;
import io.jswarm.compose.yaml.YNode;
import io.jswarm.compose.yaml.YSeq;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Per-container host settings: {@code ulimits} and {@code extra_hosts}. */
final class HostOptionsReader {
    private final Fields f;

    HostOptionsReader(Fields f) {
        this.f = f;
    }

    List<Ulimit> ulimits(YNode node, String path) {
        YMap m = f.map(node, path);
        List<Ulimit> out = new ArrayList<>();
        if (m == null) {
            return out;
        }
        m.entries().forEach((name, v) -> {
            String p = path + "." + name;
            if (v instanceof YMap lim) {
                f.keys(lim, p, Set.of("soft", "hard"), Map.of());
                if (!lim.has("soft") || !lim.has("hard")) {
                    f.error(lim, p, "a ulimit mapping needs soft and hard");
                    return;
                }
                Integer soft = f.integer(lim.get("soft"), p + ".soft", -1);
                Integer hard = f.integer(lim.get("hard"), p + ".hard", -1);
                if (soft != null && hard != null) {
                    if (soft > hard) {
                        f.error(lim.get("soft"), p + ".soft", "soft limit " + soft + " exceeds hard limit " + hard);
                    }
                    out.add(new Ulimit(name, soft, hard));
                }
            } else {
                Integer both = f.integer(v, p, -1);
                if (both != null) {
                    out.add(new Ulimit(name, both, both));
                }
            }
        });
        return out;
    }

    /** "host:ip", "host=ip" or {host: ip} to /etc/hosts lines "ip host". */
    List<String> extraHosts(YNode node, String path) {
        List<String> out = new ArrayList<>();
        if (node instanceof YMap m) {
            m.entries().forEach((host, ip) -> {
                String v = f.string(ip, path + "." + host);
                if (v != null) {
                    out.add(v + " " + host);
                }
            });
            return out;
        }
        List<String> list = f.strings(node, path, false);
        if (list == null) {
            return out;
        }
        for (int i = 0; i < list.size(); i++) {
            String e = list.get(i);
            int sep = e.indexOf('=') >= 0 ? e.indexOf('=') : e.indexOf(':');
            if (sep <= 0 || sep == e.length() - 1) {
                f.error(((YSeq) node).items().get(i), path + "[" + i + "]", "expected \"host:ip\" or \"host=ip\", got \"" + e + "\"");
            } else {
                out.add(e.substring(sep + 1) + " " + e.substring(0, sep));
            }
        }
        return out;
    }
}
