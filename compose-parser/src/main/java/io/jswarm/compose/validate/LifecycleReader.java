package io.jswarm.compose.validate;

import io.jswarm.api.task.HealthConfig;
import io.jswarm.api.task.RestartCondition;
import io.jswarm.api.task.RestartPolicy;
import io.jswarm.compose.yaml.YMap;
import io.jswarm.compose.yaml.YNode;
import io.jswarm.compose.yaml.YScalar;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How a service's containers are watched and restarted: {@code healthcheck} and {@code restart}. */
final class LifecycleReader {
    private static final Pattern RESTART = Pattern.compile("on-failure(?::(\\d+))?");

    private final Fields f;

    LifecycleReader(Fields f) {
        this.f = f;
    }

    HealthConfig healthcheck(YNode node, String path) {
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
    RestartPolicy restart(YNode n, String path) {
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
}
