package io.jswarm.compose.validate;

import io.jswarm.api.task.Mount;
import io.jswarm.compose.model.ComposeService;
import io.jswarm.compose.model.Located;
import io.jswarm.compose.yaml.YMap;
import io.jswarm.compose.yaml.YNode;
import io.jswarm.compose.yaml.YScalar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One entry of {@code services:} to a {@link ComposeService}, every problem reported with its position. */
final class ServiceReader {
    private final Fields f;
    private final ReadContext ctx;

    ServiceReader(Fields f, ReadContext ctx) {
        this.f = f;
        this.ctx = ctx;
    }

    ComposeService read(String name, YNode node) {
        String path = "services." + name;
        YMap m = f.map(node, path);
        if (m == null) {
            return null;
        }
        f.keys(m, path, IgnoredKeys.SERVICE, IgnoredKeys.SERVICE_IGNORED, IgnoredKeys.SERVICE_UNSUPPORTED);
        String image = null;
        if (!m.has("image")) {
            f.error(m, path, "a service needs an image" + (m.has("build") ? " (jswarm does not build: build and push it, then name it here)" : ""));
        } else {
            image = f.string(m.get("image"), path + ".image");
        }
        Map<String, String> env = new EnvironmentReader(f, ctx).environment(m, path);
        LifecycleReader lifecycle = new LifecycleReader(f);
        HostOptionsReader host = new HostOptionsReader(f);
        ServiceLinksReader links = new ServiceLinksReader(f);
        return new ComposeService(
                name,
                image,
                m.has("entrypoint") ? command(m.get("entrypoint"), path + ".entrypoint") : null,
                m.has("command") ? command(m.get("command"), path + ".command") : null,
                env,
                m.has("labels") ? labels(f, m.get("labels"), path + ".labels") : null,
                optString(m, "user", path),
                optString(m, "working_dir", path),
                optString(m, "hostname", path),
                m.has("ports") ? PortSyntax.read(f, m.get("ports"), path + ".ports") : null,
                mounts(m, path),
                m.has("healthcheck") ? lifecycle.healthcheck(m.get("healthcheck"), path + ".healthcheck") : null,
                optString(m, "stop_signal", path),
                m.has("stop_grace_period") ? f.duration(m.get("stop_grace_period"), path + ".stop_grace_period") : null,
                m.has("restart") ? lifecycle.restart(m.get("restart"), path + ".restart") : null,
                m.has("init") ? f.bool(m.get("init"), path + ".init") : null,
                m.has("read_only") && Boolean.TRUE.equals(f.bool(m.get("read_only"), path + ".read_only")),
                m.has("cap_add") ? f.strings(m.get("cap_add"), path + ".cap_add", false) : null,
                m.has("cap_drop") ? f.strings(m.get("cap_drop"), path + ".cap_drop", false) : null,
                m.has("ulimits") ? host.ulimits(m.get("ulimits"), path + ".ulimits") : null,
                m.has("sysctls") ? nonNullValues(f.stringMap(m.get("sysctls"), path + ".sysctls"), m.get("sysctls"), path + ".sysctls") : null,
                m.has("extra_hosts") ? host.extraHosts(m.get("extra_hosts"), path + ".extra_hosts") : null,
                m.has("dns") ? f.strings(m.get("dns"), path + ".dns", true) : null,
                m.has("networks") ? links.networks(m.get("networks"), path + ".networks") : null,
                m.has("secrets") ? links.fileRefs(m.get("secrets"), path + ".secrets") : null,
                m.has("configs") ? links.fileRefs(m.get("configs"), path + ".configs") : null,
                m.has("depends_on") ? links.dependsOn(m.get("depends_on"), path + ".depends_on") : null,
                m.has("deploy") ? DeployReader.read(f, m.get("deploy"), path + ".deploy") : null,
                m.has("profiles") ? f.strings(m.get("profiles"), path + ".profiles", false) : null);
    }

    private String optString(YMap m, String key, String path) {
        return m.has(key) ? f.string(m.get(key), path + "." + key) : null;
    }

    /** Labels: values may be numbers; a key without value is the empty string (as docker/cli does). */
    static Map<String, String> labels(Fields f, YNode node, String path) {
        Map<String, String> raw = f.stringMap(node, path);
        if (raw == null) {
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        raw.forEach((k, v) -> out.put(k, v == null ? "" : v));
        return out;
    }

    private Map<String, String> nonNullValues(Map<String, String> in, YNode at, String path) {
        if (in == null) {
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        in.forEach((k, v) -> {
            if (v == null) {
                f.error(at, path + "." + k, "needs a value");
            } else {
                out.put(k, v);
            }
        });
        return out;
    }

    private List<String> command(YNode n, String path) {
        if (n instanceof YScalar s && s.type() == YScalar.Type.STRING) {
            try {
                return ShellWords.split(s.value());
            } catch (IllegalArgumentException e) {
                f.error(n, path, e.getMessage());
                return null;
            }
        }
        if (n instanceof YScalar s && s.isNull()) {
            return List.of();
        }
        return f.strings(n, path, false);
    }

    private List<Located<Mount>> mounts(YMap m, String path) {
        List<Located<Mount>> out = new ArrayList<>();
        if (m.has("volumes")) {
            out.addAll(VolumeSyntax.read(f, ctx, m.get("volumes"), path + ".volumes"));
        }
        if (m.has("tmpfs")) {
            out.addAll(VolumeSyntax.tmpfs(f, m.get("tmpfs"), path + ".tmpfs"));
        }
        return out;
    }

}
