package io.jswarm.compose.validate;

import io.jswarm.api.service.EndpointMode;
import io.jswarm.api.service.FailureAction;
import io.jswarm.api.service.UpdateConfig;
import io.jswarm.api.service.UpdateOrder;
import io.jswarm.api.task.PlacementPreference;
import io.jswarm.api.task.ResourceRequirements;
import io.jswarm.api.task.Resources;
import io.jswarm.api.task.RestartCondition;
import io.jswarm.api.task.RestartPolicy;
import io.jswarm.compose.model.Deploy;
import io.jswarm.compose.model.Located;
import io.jswarm.compose.yaml.YMap;
import io.jswarm.compose.yaml.YNode;
import io.jswarm.compose.yaml.YSeq;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** A service's {@code deploy:} section: mode, replicas, placement, resources, policies. */
final class DeployReader {
    private DeployReader() {}

    static final List<String> MODES = List.of("replicated", "global", "replicated-job", "global-job");
    static final Set<String> KEYS = Set.of("mode", "replicas", "placement", "resources", "restart_policy",
            "update_config", "rollback_config", "endpoint_mode", "labels");
    private static final Set<String> UPDATE_KEYS = Set.of("parallelism", "delay", "failure_action", "monitor",
            "max_failure_ratio", "order");

    static Deploy read(Fields f, YNode node, String path) {
        YMap m = f.map(node, path);
        if (m == null) {
            return Deploy.NONE;
        }
        f.keys(m, path, KEYS, Map.of());
        String mode = m.has("mode") ? f.choice(m.get("mode"), path + ".mode", MODES) : null;
        Integer replicas = m.has("replicas") ? f.integer(m.get("replicas"), path + ".replicas", 0) : null;
        if (replicas != null && mode != null && mode.startsWith("global")) {
            f.error(m.get("replicas"), path + ".replicas", "replicas cannot be set in " + mode + " mode (one task per node)");
        }
        List<Located<String>> constraints = List.of();
        List<PlacementPreference> preferences = List.of();
        Integer maxPerNode = null;
        if (m.has("placement")) {
            String pp = path + ".placement";
            YMap p = f.map(m.get("placement"), pp);
            if (p != null) {
                f.keys(p, pp, Set.of("constraints", "preferences", "max_replicas_per_node"), Map.of());
                if (p.has("constraints")) {
                    constraints = constraints(f, p.get("constraints"), pp + ".constraints");
                }
                if (p.has("preferences")) {
                    preferences = preferences(f, p.get("preferences"), pp + ".preferences");
                }
                if (p.has("max_replicas_per_node")) {
                    maxPerNode = f.integer(p.get("max_replicas_per_node"), pp + ".max_replicas_per_node", 0);
                }
            }
        }
        ResourceRequirements resources = m.has("resources") ? resources(f, m.get("resources"), path + ".resources") : null;
        RestartPolicy restart = m.has("restart_policy") ? restartPolicy(f, m.get("restart_policy"), path + ".restart_policy") : null;
        UpdateConfig update = m.has("update_config") ? update(f, m.get("update_config"), path + ".update_config") : null;
        UpdateConfig rollback = m.has("rollback_config") ? update(f, m.get("rollback_config"), path + ".rollback_config") : null;
        EndpointMode endpoint = null;
        if (m.has("endpoint_mode")) {
            String e = f.choice(m.get("endpoint_mode"), path + ".endpoint_mode", List.of("vip", "dnsrr"));
            endpoint = e == null ? null : EndpointMode.valueOf(e.toUpperCase(Locale.ROOT));
        }
        Map<String, String> labels = m.has("labels") ? ServiceReader.labels(f, m.get("labels"), path + ".labels") : null;
        return new Deploy(mode, replicas, constraints, preferences, maxPerNode, resources, restart, update, rollback, endpoint, labels);
    }

    private static List<Located<String>> constraints(Fields f, YNode node, String path) {
        List<Located<String>> out = new ArrayList<>();
        List<String> list = f.strings(node, path, false);
        if (list != null) {
            for (int i = 0; i < list.size(); i++) {
                out.add(new Located<>(list.get(i), path + "[" + i + "]"));
            }
        }
        return out;
    }

    private static List<PlacementPreference> preferences(Fields f, YNode node, String path) {
        List<PlacementPreference> out = new ArrayList<>();
        if (!(node instanceof YSeq seq)) {
            f.error(node, path, "expected a list of {spread: node.labels.<name>}, got " + Fields.quote(node));
            return out;
        }
        for (int i = 0; i < seq.items().size(); i++) {
            String p = path + "[" + i + "]";
            YMap pref = f.map(seq.items().get(i), p);
            if (pref == null) {
                continue;
            }
            f.keys(pref, p, Set.of("spread"), Map.of());
            if (!pref.has("spread")) {
                f.error(pref, p, "a placement preference needs spread");
            } else {
                String s = f.string(pref.get("spread"), p + ".spread");
                if (s != null) {
                    out.add(new PlacementPreference(s));
                }
            }
        }
        return out;
    }

    private static ResourceRequirements resources(Fields f, YNode node, String path) {
        YMap m = f.map(node, path);
        if (m == null) {
            return null;
        }
        f.keys(m, path, Set.of("limits", "reservations"), Map.of());
        Resources limits = m.has("limits") ? amount(f, m.get("limits"), path + ".limits", true) : null;
        Resources reservations = m.has("reservations") ? amount(f, m.get("reservations"), path + ".reservations", false) : null;
        return new ResourceRequirements(limits, reservations);
    }

    private static Resources amount(Fields f, YNode node, String path, boolean limits) {
        YMap m = f.map(node, path);
        if (m == null) {
            return null;
        }
        Set<String> known = limits ? Set.of("cpus", "memory", "pids") : Set.of("cpus", "memory");
        Map<String, String> ignored = limits ? Map.of() : Map.of(
                "generic_resources", "generic resources (GPUs, …) are not scheduled by jswarm",
                "devices", "device reservations are not supported");
        f.keys(m, path, known, ignored);
        if (!limits && m.has("pids")) {
            f.error(m.get("pids"), path + ".pids", "pids can be limited but not reserved (move it to limits)");
        }
        Long cpus = m.has("cpus") ? f.nanoCpus(m.get("cpus"), path + ".cpus") : null;
        if (cpus != null && cpus <= 0) {
            f.error(m.get("cpus"), path + ".cpus", "must be more than 0");
            cpus = null;
        }
        Long memory = m.has("memory") ? f.bytes(m.get("memory"), path + ".memory") : null;
        Long pids = null;
        if (limits && m.has("pids")) {
            Integer p = f.integer(m.get("pids"), path + ".pids", 1);
            pids = p == null ? null : p.longValue();
        }
        return new Resources(cpus, memory, pids);
    }

    private static RestartPolicy restartPolicy(Fields f, YNode node, String path) {
        YMap m = f.map(node, path);
        if (m == null) {
            return null;
        }
        f.keys(m, path, Set.of("condition", "delay", "max_attempts", "window"), Map.of());
        RestartCondition condition = RestartCondition.ANY;
        if (m.has("condition")) {
            String c = f.choice(m.get("condition"), path + ".condition", List.of("none", "on-failure", "any"));
            condition = c == null ? RestartCondition.ANY : RestartCondition.valueOf(c.replace('-', '_').toUpperCase(Locale.ROOT));
        }
        Duration delay = m.has("delay") ? nonNegative(f, m.get("delay"), path + ".delay") : RestartPolicy.DEFAULT.delay();
        Integer attempts = m.has("max_attempts") ? f.integer(m.get("max_attempts"), path + ".max_attempts", 0) : null;
        Duration window = m.has("window") ? nonNegative(f, m.get("window"), path + ".window") : null;
        return new RestartPolicy(condition, delay, attempts, window);
    }

    private static Duration nonNegative(Fields f, YNode n, String path) {
        Duration d = f.duration(n, path);
        if (d != null && d.isNegative()) {
            f.error(n, path, "must not be negative");
            return null;
        }
        return d;
    }

    private static UpdateConfig update(Fields f, YNode node, String path) {
        YMap m = f.map(node, path);
        if (m == null) {
            return null;
        }
        f.keys(m, path, UPDATE_KEYS, Map.of());
        UpdateConfig d = UpdateConfig.DEFAULT;
        Integer parallelism = m.has("parallelism") ? f.integer(m.get("parallelism"), path + ".parallelism", 0) : null;
        Duration delay = m.has("delay") ? nonNegative(f, m.get("delay"), path + ".delay") : null;
        String action = m.has("failure_action")
                ? f.choice(m.get("failure_action"), path + ".failure_action", List.of("pause", "continue", "rollback")) : null;
        Duration monitor = m.has("monitor") ? nonNegative(f, m.get("monitor"), path + ".monitor") : null;
        Double ratio = m.has("max_failure_ratio") ? f.number(m.get("max_failure_ratio"), path + ".max_failure_ratio", 0, 1) : null;
        String order = m.has("order") ? f.choice(m.get("order"), path + ".order", List.of("stop-first", "start-first")) : null;
        return new UpdateConfig(
                parallelism == null ? d.parallelism() : parallelism,
                delay == null ? d.delay() : delay,
                action == null ? d.failureAction() : FailureAction.valueOf(action.toUpperCase(Locale.ROOT)),
                monitor == null ? d.monitor() : monitor,
                ratio == null ? d.maxFailureRatio() : ratio,
                order == null ? d.order() : UpdateOrder.valueOf(order.replace('-', '_').toUpperCase(Locale.ROOT)));
    }
}
