package io.jswarm.api.validate;

import io.jswarm.api.placement.Constraint;
import io.jswarm.api.service.EndpointMode;
import io.jswarm.api.service.EndpointSpec;
import io.jswarm.api.service.PortConfig;
import io.jswarm.api.service.PublishMode;
import io.jswarm.api.service.ServiceMode;
import io.jswarm.api.service.ServiceSpec;
import io.jswarm.api.service.UpdateConfig;
import io.jswarm.api.task.PlacementPreference;
import io.jswarm.api.task.TaskSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a service spec as a whole and returns every problem with its field path. Pure: the
 * API, the CLI and the compose converter all call this before anything is stored.
 */
public final class ServiceSpecValidator {
    private ServiceSpecValidator() {}

    /** More replicas than this is certainly a typo, and would flood the store. */
    public static final int MAX_REPLICAS = 100_000;

    public static List<Problem> validate(ServiceSpec spec) {
        Problems at = new Problems();
        if (spec == null) {
            at.add("missing service spec");
            return at.list();
        }
        Names.check(at, "name", spec.name());
        Labels.check(at.at("labels"), spec.labels());
        mode(at.at("mode"), spec.mode());
        if (spec.task() == null) {
            at.add("task", "missing task template");
        } else {
            TaskSpecValidator.check(at.at("task"), spec.task());
        }
        update(at.at("update"), spec.update());
        update(at.at("rollback"), spec.rollback());
        endpoint(at.at("endpoint"), spec.endpoint());
        return at.list();
    }

    private static void mode(Problems at, ServiceMode mode) {
        if (mode instanceof ServiceMode.Replicated r) {
            count(at, "replicas", r.replicas());
        } else if (mode instanceof ServiceMode.ReplicatedJob j) {
            count(at, "maxConcurrent", j.maxConcurrent());
            count(at, "totalCompletions", j.totalCompletions());
        }
    }

    private static void count(Problems at, String field, int n) {
        if (n < 0) {
            at.add(field, "must be a non-negative integer, got " + n);
        } else if (n > MAX_REPLICAS) {
            at.add(field, "must be at most " + MAX_REPLICAS + ", got " + n);
        }
    }

    private static void update(Problems at, UpdateConfig u) {
        if (u.parallelism() < 0) {
            at.add("parallelism", "must be >= 0, got " + u.parallelism());
        }
        Checks.nonNegative(at, "delay", u.delay());
        Checks.nonNegative(at, "monitor", u.monitor());
        if (!(u.maxFailureRatio() >= 0 && u.maxFailureRatio() <= 1)) {
            at.add("maxFailureRatio", "must be between 0 and 1, got " + u.maxFailureRatio());
        }
    }

    private static void endpoint(Problems at, EndpointSpec endpoint) {
        Map<String, Integer> published = new HashMap<>();
        List<PortConfig> ports = endpoint.ports();
        for (int i = 0; i < ports.size(); i++) {
            PortConfig p = ports.get(i);
            Problems port = at.at("ports", i);
            if (p == null) {
                port.add("missing port");
                continue;
            }
            Checks.port(port, "targetPort", p.targetPort());
            if (p.publishedPort() != null) {
                Checks.port(port, "publishedPort", p.publishedPort());
                String key = p.publishedPort() + "/" + p.protocol().wireName();
                Integer first = published.putIfAbsent(key, i);
                if (first != null) {
                    port.add("publishedPort", "port " + key + " is already published by ports[" + first + "]");
                }
            }
            if (endpoint.mode() == EndpointMode.DNSRR && p.publishMode() == PublishMode.INGRESS) {
                port.add("publishMode", "ingress ports need endpoint mode vip (dnsrr has no virtual IP to route to)");
            }
        }
    }

    /** Placement preferences name a node descriptor to spread over. */
    static void preference(Problems at, PlacementPreference p) {
        if (p == null || p.spread() == null || p.spread().isBlank()) {
            at.add("spread", "must name a node descriptor, e.g. node.labels.zone");
        } else if (!p.spread().startsWith("node.labels.") && !List.of("node.id", "node.hostname", "node.role",
                "node.platform.os", "node.platform.arch").contains(p.spread())) {
            at.add("spread", "unknown descriptor \"" + p.spread() + "\" (use node.labels.<name> or node.id, node.hostname, …)");
        }
    }

    static void constraint(Problems at, String field, String text) {
        try {
            Constraint.parse(text);
        } catch (IllegalArgumentException e) {
            at.add(field, e.getMessage());
        }
    }

    /** For callers that only have a task template (e.g. a one-off task). */
    public static List<Problem> validate(TaskSpec task) {
        Problems at = new Problems();
        TaskSpecValidator.check(at, task);
        return at.list();
    }
}
