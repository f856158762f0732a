package io.jswarm.compose.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.jswarm.api.service.PortConfig;
import io.jswarm.api.service.UpdateConfig;
import io.jswarm.api.task.HealthConfig;
import io.jswarm.api.task.Mount;
import io.jswarm.api.task.Resources;
import io.jswarm.api.task.RestartPolicy;
import io.jswarm.api.units.Cpus;
import io.jswarm.api.units.Durations;
import io.jswarm.compose.model.ComposeProject;
import io.jswarm.compose.model.ComposeService;
import io.jswarm.compose.model.Deploy;
import io.jswarm.compose.model.FileObjectDef;
import io.jswarm.compose.model.FileRef;
import io.jswarm.compose.model.Located;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code stack config}: the resolved project printed as compose YAML — files merged, variables
 * substituted, profiles applied, env files folded into {@code environment}, short syntaxes in their
 * long form, paths absolute, durations and sizes normalized. Loading the output again gives the
 * same specs ('$' is written as '$$'; secret contents are shown by their file, never inline).
 */
public final class ConfigRenderer {
    private ConfigRenderer() {}

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build();

    public static String render(ComposeProject p) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("name", p.name());
        Map<String, Object> services = new LinkedHashMap<>();
        p.services().values().forEach(s -> services.put(s.name(), service(s)));
        root.put("services", services);
        putIf(root, "networks", networks(p));
        putIf(root, "volumes", volumes(p));
        putIf(root, "secrets", files(p.secrets()));
        putIf(root, "configs", files(p.configs()));
        try {
            return YAML.writeValueAsString(escapeDollars(root));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render YAML", e);
        }
    }

    /**
     * Values are printed resolved, so a literal '$' is written as "$$": loading the output again
     * must not interpolate a second time.
     */
    private static Object escapeDollars(Object value) {
        if (value instanceof String s) {
            return s.replace("$", "$$");
        }
        if (value instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(k, escapeDollars(v)));
            return out;
        }
        if (value instanceof List<?> l) {
            return l.stream().map(ConfigRenderer::escapeDollars).toList();
        }
        return value;
    }

    private static void putIf(Map<String, Object> m, String key, Object value) {
        if (value == null || (value instanceof Map<?, ?> map && map.isEmpty()) || (value instanceof List<?> l && l.isEmpty())) {
            return;
        }
        m.put(key, value);
    }

    private static String d(Duration duration) {
        return duration == null ? null : Durations.format(duration);
    }

    private static Map<String, Object> service(ComposeService s) {
        Map<String, Object> m = new LinkedHashMap<>();
        putIf(m, "image", s.image());
        putIf(m, "entrypoint", s.entrypoint());
        putIf(m, "command", s.command());
        putIf(m, "environment", s.environment());
        putIf(m, "labels", s.labels());
        putIf(m, "user", s.user());
        putIf(m, "working_dir", s.workingDir());
        putIf(m, "hostname", s.hostname());
        putIf(m, "ports", s.ports().stream().map(Located::value).map(ConfigRenderer::port).toList());
        putIf(m, "volumes", s.mounts().stream().map(Located::value).map(ConfigRenderer::mount).toList());
        if (s.healthcheck() != null) {
            m.put("healthcheck", health(s.healthcheck()));
        }
        putIf(m, "stop_signal", s.stopSignal());
        putIf(m, "stop_grace_period", d(s.stopGracePeriod()));
        if (s.restart() != null) {
            m.put("restart", switch (s.restart().condition()) {
                case NONE -> "no";
                case ANY -> "always";
                case ON_FAILURE -> "on-failure" + (s.restart().maxAttempts() == null ? "" : ":" + s.restart().maxAttempts());
            });
        }
        putIf(m, "init", s.init());
        if (s.readOnly()) {
            m.put("read_only", true);
        }
        putIf(m, "cap_add", s.capAdd());
        putIf(m, "cap_drop", s.capDrop());
        Map<String, Object> ulimits = new LinkedHashMap<>();
        s.ulimits().forEach(u -> ulimits.put(u.name(), Map.of("soft", u.soft(), "hard", u.hard())));
        putIf(m, "ulimits", ulimits);
        putIf(m, "sysctls", s.sysctls());
        putIf(m, "extra_hosts", s.extraHosts().stream().map(h -> {
            int sp = h.indexOf(' ');
            return h.substring(sp + 1) + "=" + h.substring(0, sp);
        }).toList());
        putIf(m, "dns", s.dns());
        Map<String, Object> nets = new LinkedHashMap<>();
        s.networks().forEach((k, aliases) -> nets.put(k, aliases.isEmpty() ? null : Map.of("aliases", aliases)));
        putIf(m, "networks", nets);
        putIf(m, "secrets", s.secrets().stream().map(ConfigRenderer::fileRef).toList());
        putIf(m, "configs", s.configs().stream().map(ConfigRenderer::fileRef).toList());
        Map<String, Object> deps = new LinkedHashMap<>();
        s.dependsOn().forEach((k, v) -> {
            Map<String, Object> dep = new LinkedHashMap<>();
            dep.put("condition", v.condition().wireName());
            dep.put("restart", v.restart());
            dep.put("required", v.required());
            deps.put(k, dep);
        });
        putIf(m, "depends_on", deps);
        putIf(m, "deploy", deploy(s.deploy()));
        putIf(m, "profiles", s.profiles());
        return m;
    }

    private static Map<String, Object> port(PortConfig p) {
        Map<String, Object> m = new LinkedHashMap<>();
        putIf(m, "name", p.name());
        m.put("target", p.targetPort());
        putIf(m, "published", p.publishedPort());
        m.put("protocol", p.protocol().wireName());
        m.put("mode", p.publishMode().wireName());
        return m;
    }

    private static Map<String, Object> mount(Mount v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", v.type().name().toLowerCase(Locale.ROOT));
        putIf(m, "source", v.source());
        m.put("target", v.target());
        if (v.readOnly()) {
            m.put("read_only", true);
        }
        if (v.tmpfsSizeBytes() != null) {
            m.put("tmpfs", Map.of("size", v.tmpfsSizeBytes()));
        }
        return m;
    }

    private static Map<String, Object> health(HealthConfig h) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (h.disabled()) {
            m.put("disable", true);
            return m;
        }
        putIf(m, "test", h.test());
        putIf(m, "interval", d(h.interval()));
        putIf(m, "timeout", d(h.timeout()));
        putIf(m, "retries", h.retries());
        putIf(m, "start_period", d(h.startPeriod()));
        return m;
    }

    private static Map<String, Object> fileRef(FileRef r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", r.source());
        putIf(m, "target", r.target());
        putIf(m, "uid", r.uid());
        putIf(m, "gid", r.gid());
        if (r.mode() != null) {
            m.put("mode", String.format("0%o", r.mode()));
        }
        return m;
    }

    private static Map<String, Object> deploy(Deploy d) {
        Map<String, Object> m = new LinkedHashMap<>();
        putIf(m, "mode", d.mode());
        putIf(m, "replicas", d.replicas());
        Map<String, Object> placement = new LinkedHashMap<>();
        putIf(placement, "constraints", d.constraints().stream().map(Located::value).toList());
        putIf(placement, "preferences", d.preferences().stream().map(p -> Map.of("spread", p.spread())).toList());
        putIf(placement, "max_replicas_per_node", d.maxReplicasPerNode());
        putIf(m, "placement", placement);
        if (d.resources() != null) {
            Map<String, Object> r = new LinkedHashMap<>();
            putIf(r, "limits", resources(d.resources().limits()));
            putIf(r, "reservations", resources(d.resources().reservations()));
            putIf(m, "resources", r);
        }
        if (d.restartPolicy() != null) {
            RestartPolicy p = d.restartPolicy();
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("condition", p.condition().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            putIf(r, "delay", d(p.delay()));
            putIf(r, "max_attempts", p.maxAttempts());
            putIf(r, "window", d(p.window()));
            m.put("restart_policy", r);
        }
        putIf(m, "update_config", update(d.update()));
        putIf(m, "rollback_config", update(d.rollback()));
        putIf(m, "endpoint_mode", d.endpointMode() == null ? null : d.endpointMode().wireName());
        putIf(m, "labels", d.labels());
        return m;
    }

    private static Map<String, Object> resources(Resources r) {
        Map<String, Object> m = new LinkedHashMap<>();
        putIf(m, "cpus", r.nanoCpus() == null ? null : Cpus.format(r.nanoCpus()));
        putIf(m, "memory", r.memoryBytes() == null ? null : size(r.memoryBytes()));
        putIf(m, "pids", r.pids());
        return m;
    }

    /** Exact: the largest unit that divides the size, else plain bytes (never a rounded figure). */
    static String size(long bytes) {
        String[] units = {"", "k", "m", "g", "t"};
        int i = 0;
        long v = bytes;
        while (i < units.length - 1 && v != 0 && v % 1024 == 0) {
            v /= 1024;
            i++;
        }
        return v + units[i];
    }

    private static Map<String, Object> update(UpdateConfig u) {
        if (u == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("parallelism", u.parallelism());
        m.put("delay", d(u.delay()));
        m.put("failure_action", u.failureAction().name().toLowerCase(Locale.ROOT));
        m.put("monitor", d(u.monitor()));
        m.put("max_failure_ratio", u.maxFailureRatio());
        m.put("order", u.order().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        return m;
    }

    private static Map<String, Object> networks(ComposeProject p) {
        Map<String, Object> out = new LinkedHashMap<>();
        p.networks().values().forEach(n -> {
            Map<String, Object> m = new LinkedHashMap<>();
            putIf(m, "name", n.name());
            if (n.external()) {
                m.put("external", true);
            }
            putIf(m, "driver", n.driver());
            putIf(m, "driver_opts", n.driverOpts());
            if (n.internal()) {
                m.put("internal", true);
            }
            if (n.attachable()) {
                m.put("attachable", true);
            }
            putIf(m, "labels", n.labels());
            if (!n.subnets().isEmpty()) {
                List<Object> config = new ArrayList<>();
                n.subnets().forEach(s -> config.add(Map.of("subnet", s)));
                m.put("ipam", Map.of("config", config));
            }
            out.put(n.key(), m.isEmpty() ? null : m);
        });
        return out;
    }

    private static Map<String, Object> volumes(ComposeProject p) {
        Map<String, Object> out = new LinkedHashMap<>();
        p.volumes().values().forEach(v -> {
            Map<String, Object> m = new LinkedHashMap<>();
            putIf(m, "name", v.name());
            if (v.external()) {
                m.put("external", true);
            }
            putIf(m, "driver", v.driver());
            putIf(m, "driver_opts", v.driverOpts());
            putIf(m, "labels", v.labels());
            out.put(v.key(), m.isEmpty() ? null : m);
        });
        return out;
    }

    private static Map<String, Object> files(Map<String, FileObjectDef> defs) {
        Map<String, Object> out = new LinkedHashMap<>();
        defs.values().forEach(f -> {
            Map<String, Object> m = new LinkedHashMap<>();
            putIf(m, "name", f.name());
            if (f.external()) {
                m.put("external", true);
            }
            putIf(m, "file", f.file());
            putIf(m, "environment", f.environment());
            if (f.file() == null && f.environment() == null && f.data() != null) {
                m.put("content", new String(f.data().bytes(), StandardCharsets.UTF_8));
            }
            putIf(m, "labels", f.labels());
            out.put(f.key(), m);
        });
        return out;
    }
}
