package io.jswarm.compose.validate;

import io.jswarm.api.task.HealthConfig;
import io.jswarm.api.task.Mount;
import io.jswarm.api.task.RestartCondition;
import io.jswarm.api.task.RestartPolicy;
import io.jswarm.api.task.Ulimit;
import io.jswarm.compose.env.DotEnvException;
import io.jswarm.compose.env.DotEnvParser;
import io.jswarm.compose.merge.ListForms;
import io.jswarm.compose.model.ComposeService;
import io.jswarm.compose.model.Dependency;
import io.jswarm.compose.model.FileRef;
import io.jswarm.compose.model.Located;
import io.jswarm.compose.yaml.YMap;
import io.jswarm.compose.yaml.YNode;
import io.jswarm.compose.yaml.YScalar;
import io.jswarm.compose.yaml.YSeq;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One entry of {@code services:} to a {@link ComposeService}, every problem reported with its position. */
final class ServiceReader {
    private static final Pattern RESTART = Pattern.compile("on-failure(?::(\\d+))?");

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
        f.keys(m, path, IgnoredKeys.SERVICE, IgnoredKeys.SERVICE_IGNORED);
        String image = null;
        if (!m.has("image")) {
            f.error(m, path, "a service needs an image" + (m.has("build") ? " (jswarm does not build: build and push it, then name it here)" : ""));
        } else {
            image = f.string(m.get("image"), path + ".image");
        }
        Map<String, String> env = environment(m, path);
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
                m.has("healthcheck") ? healthcheck(m.get("healthcheck"), path + ".healthcheck") : null,
                optString(m, "stop_signal", path),
                m.has("stop_grace_period") ? f.duration(m.get("stop_grace_period"), path + ".stop_grace_period") : null,
                m.has("restart") ? restart(m.get("restart"), path + ".restart") : null,
                m.has("init") ? f.bool(m.get("init"), path + ".init") : null,
                m.has("read_only") && Boolean.TRUE.equals(f.bool(m.get("read_only"), path + ".read_only")),
                m.has("cap_add") ? f.strings(m.get("cap_add"), path + ".cap_add", false) : null,
                m.has("cap_drop") ? f.strings(m.get("cap_drop"), path + ".cap_drop", false) : null,
                m.has("ulimits") ? ulimits(m.get("ulimits"), path + ".ulimits") : null,
                m.has("sysctls") ? nonNullValues(f.stringMap(m.get("sysctls"), path + ".sysctls"), m.get("sysctls"), path + ".sysctls") : null,
                m.has("extra_hosts") ? extraHosts(m.get("extra_hosts"), path + ".extra_hosts") : null,
                m.has("dns") ? f.strings(m.get("dns"), path + ".dns", true) : null,
                m.has("networks") ? networks(m.get("networks"), path + ".networks") : null,
                m.has("secrets") ? fileRefs(m.get("secrets"), path + ".secrets") : null,
                m.has("configs") ? fileRefs(m.get("configs"), path + ".configs") : null,
                m.has("depends_on") ? dependsOn(m.get("depends_on"), path + ".depends_on") : null,
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

    /**
     * {@code env_file} contents first (later files win), then {@code environment} on top; a key
     * without a value takes the value from the interpolation environment, or stays unset.
     */
    private Map<String, String> environment(YMap m, String path) {
        Map<String, String> env = new LinkedHashMap<>();
        if (m.has("env_file")) {
            envFiles(m.get("env_file"), path + ".env_file", env);
        }
        if (m.has("environment")) {
            Map<String, String> declared = f.stringMap(m.get("environment"), path + ".environment");
            if (declared != null) {
                declared.forEach((k, v) -> {
                    if (k.isEmpty() || k.contains("=")) {
                        f.error(m.get("environment"), path + ".environment", "invalid variable name \"" + k + "\"");
                    }
                    env.put(k, v != null ? v : ctx.env().get(k));
                });
            }
        }
        return env;
    }

    private void envFiles(YNode node, String path, Map<String, String> into) {
        List<YNode> items = node instanceof YSeq s ? s.items() : List.of(node);
        for (int i = 0; i < items.size(); i++) {
            YNode item = items.get(i);
            String p = node instanceof YSeq ? path + "[" + i + "]" : path;
            String file;
            boolean required = true;
            if (item instanceof YMap em) {
                f.keys(em, p, Set.of("path", "required", "format"), Map.of());
                if (!em.has("path")) {
                    f.error(em, p, "an env_file entry needs a path");
                    continue;
                }
                file = f.string(em.get("path"), p + ".path");
                if (em.has("required")) {
                    required = !Boolean.FALSE.equals(f.bool(em.get("required"), p + ".required"));
                }
            } else {
                file = f.string(item, p);
            }
            if (file == null) {
                continue;
            }
            Path abs = Path.of(ctx.resolve(file));
            byte[] bytes;
            try {
                bytes = ctx.files().read(abs);
            } catch (IOException e) {
                if (required) {
                    f.error(item, p, "cannot read env file " + abs + ": " + e.getMessage());
                }
                continue;
            }
            try {
                into.putAll(DotEnvParser.parse(new String(bytes, StandardCharsets.UTF_8), ctx.env()::get));
            } catch (DotEnvException e) {
                f.error(item, p, abs + " " + e.getMessage());
            }
        }
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

    private HealthConfig healthcheck(YNode node, String path) {
        YMap m = f.map(node, path);
        if (m == null) {
            return null;
        }
        f.keys(m, path, Set.of("test", "interval", "timeout", "retries", "start_period", "disable"),
                Map.of("start_interval", "probes run at the interval during the start period too"));
        if (m.has("disable") && Boolean.TRUE.equals(f.bool(m.get("disable"), path + ".disable"))) {
            if (m.has("test")) {
                f.error(m.get("test"), path + ".test", "a disabled healthcheck cannot also have a test");
            }
            return new HealthConfig(List.of("NONE"), null, null, null, null);
        }
        List<String> test = List.of();
        if (m.has("test")) {
            YNode t = m.get("test");
            if (t instanceof YScalar s && s.type() == YScalar.Type.STRING) {
                test = List.of("CMD-SHELL", s.value());
            } else {
                List<String> list = f.strings(t, path + ".test", false);
                if (list != null && !list.isEmpty() && !List.of("CMD", "CMD-SHELL", "NONE").contains(list.get(0))) {
                    f.error(t, path + ".test", "a test list starts with CMD, CMD-SHELL or NONE, got \"" + list.get(0) + "\"");
                } else if (list != null) {
                    test = list;
                }
            }
        }
        Duration interval = positive(m, "interval", path);
        Duration timeout = positive(m, "timeout", path);
        Integer retries = m.has("retries") ? f.integer(m.get("retries"), path + ".retries", 0) : null;
        Duration start = m.has("start_period") ? f.duration(m.get("start_period"), path + ".start_period") : null;
        return new HealthConfig(test, interval, timeout, retries, start);
    }

    private Duration positive(YMap m, String key, String path) {
        if (!m.has(key)) {
            return null;
        }
        Duration d = f.duration(m.get(key), path + "." + key);
        if (d != null && (d.isNegative() || d.isZero())) {
            f.error(m.get(key), path + "." + key, "must be more than 0");
            return null;
        }
        return d;
    }

    /** {@code restart:}: no, always, on-failure[:N], unless-stopped (= always in a cluster). */
    private RestartPolicy restart(YNode n, String path) {
        if (n instanceof YScalar s && s.type() == YScalar.Type.BOOL) {
            // `restart: no` unquoted is the YAML 1.1 boolean false.
            if (Boolean.FALSE.equals(f.bool(n, path))) {
                return new RestartPolicy(RestartCondition.NONE, RestartPolicy.DEFAULT.delay(), null, null);
            }
            f.error(n, path, "expected no, always, on-failure[:N] or unless-stopped, got " + Fields.quote(n));
            return null;
        }
        String v = f.string(n, path);
        if (v == null) {
            return null;
        }
        Matcher onFailure = RESTART.matcher(v);
        if (v.equals("no")) {
            return new RestartPolicy(RestartCondition.NONE, RestartPolicy.DEFAULT.delay(), null, null);
        } else if (v.equals("always") || v.equals("unless-stopped")) {
            return new RestartPolicy(RestartCondition.ANY, RestartPolicy.DEFAULT.delay(), null, null);
        } else if (onFailure.matches()) {
            Integer max = onFailure.group(1) == null ? null : Integer.valueOf(onFailure.group(1));
            return new RestartPolicy(RestartCondition.ON_FAILURE, RestartPolicy.DEFAULT.delay(), max, null);
        }
        f.error(n, path, "expected no, always, on-failure[:N] or unless-stopped, got " + Fields.quote(n));
        return null;
    }

    private List<Ulimit> ulimits(YNode node, String path) {
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
    private List<String> extraHosts(YNode node, String path) {
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

    private Map<String, List<String>> networks(YNode node, String path) {
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

    private List<FileRef> fileRefs(YNode node, String path) {
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

    private Map<String, Dependency> dependsOn(YNode node, String path) {
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
