package io.jswarm.api.validate;

import io.jswarm.api.task.ContainerSpec;
import io.jswarm.api.task.HealthConfig;
import io.jswarm.api.task.Mount;
import io.jswarm.api.task.MountType;
import io.jswarm.api.task.Placement;
import io.jswarm.api.task.Resources;
import io.jswarm.api.task.RestartPolicy;
import io.jswarm.api.task.TaskSpec;
import io.jswarm.api.task.Ulimit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The task template half of {@link ServiceSpecValidator}. */
final class TaskSpecValidator {
    private TaskSpecValidator() {}

    /** Below this the OCI runtime itself cannot start (Docker's floor is the same 6 MiB). */
    static final long MIN_MEMORY_LIMIT = 6L << 20;

    static void check(Problems at, TaskSpec task) {
        if (task.container() == null) {
            at.add("container", "missing container spec");
        } else {
            container(at.at("container"), task.container());
        }
        resources(at.at("resources").at("limits"), task.resources().limits(), true);
        resources(at.at("resources").at("reservations"), task.resources().reservations(), false);
        Resources lim = task.resources().limits();
        Resources res = task.resources().reservations();
        if (lim.memoryBytes() != null && res.memoryBytes() != null && res.memoryBytes() > lim.memoryBytes()) {
            at.at("resources").at("reservations").add("memoryBytes", "reservation " + res.memoryBytes()
                    + " exceeds the limit " + lim.memoryBytes());
        }
        if (lim.nanoCpus() != null && res.nanoCpus() != null && res.nanoCpus() > lim.nanoCpus()) {
            at.at("resources").at("reservations").add("nanoCpus", "reservation " + res.nanoCpus()
                    + " exceeds the limit " + lim.nanoCpus());
        }
        restart(at.at("restartPolicy"), task.restartPolicy());
        placement(at.at("placement"), task.placement());
        for (int i = 0; i < task.networks().size(); i++) {
            var n = task.networks().get(i);
            Names.check(at.at("networks", i), "target", n == null ? null : n.target());
        }
    }

    private static void container(Problems at, ContainerSpec c) {
        if (c.image() == null || c.image().isBlank()) {
            at.add("image", "must not be empty");
        } else if (!c.image().equals(c.image().strip()) || c.image().chars().anyMatch(ch -> ch <= ' ')) {
            at.add("image", "must not contain spaces or control characters");
        }
        for (int i = 0; i < c.env().size(); i++) {
            String e = c.env().get(i);
            if (e == null || e.isEmpty() || e.startsWith("=")) {
                at.add("env[" + i + "]", "must be KEY=value or KEY, got \"" + (e == null ? "" : Names.printable(e)) + "\"");
            } else if (e.indexOf('\0') >= 0) {
                at.add("env[" + i + "]", "must not contain NUL");
            }
        }
        if (c.workdir() != null && !c.workdir().isEmpty() && !c.workdir().startsWith("/")) {
            at.add("workdir", "must be an absolute path, got \"" + c.workdir() + "\"");
        }
        if (c.hostname() != null && !c.hostname().isEmpty() && !c.hostname().matches("[a-zA-Z0-9]([a-zA-Z0-9.-]{0,253}[a-zA-Z0-9])?")) {
            at.add("hostname", "invalid hostname \"" + Names.printable(c.hostname()) + "\"");
        }
        if (c.stopSignal() != null && Signals.number(c.stopSignal()) < 0) {
            at.add("stopSignal", "unknown signal \"" + c.stopSignal() + "\"");
        }
        Checks.nonNegative(at, "stopGracePeriod", c.stopGracePeriod());
        Labels.check(at.at("labels"), c.labels());
        mounts(at, c.mounts());
        if (c.healthcheck() != null) {
            health(at.at("healthcheck"), c.healthcheck());
        }
        for (int i = 0; i < c.ulimits().size(); i++) {
            Ulimit u = c.ulimits().get(i);
            if (u != null && u.soft() > u.hard()) {
                at.at("ulimits", i).add("soft", "soft limit " + u.soft() + " exceeds hard limit " + u.hard());
            }
        }
    }

    private static void mounts(Problems at, List<Mount> mounts) {
        Map<String, Integer> targets = new HashMap<>();
        for (int i = 0; i < mounts.size(); i++) {
            Mount m = mounts.get(i);
            Problems mp = at.at("mounts", i);
            if (m == null || m.type() == null) {
                mp.add("type", "must be bind, volume or tmpfs");
                continue;
            }
            if (m.target() == null || !m.target().startsWith("/")) {
                mp.add("target", "must be an absolute path, got \"" + (m.target() == null ? "" : m.target()) + "\"");
            } else {
                Integer first = targets.putIfAbsent(m.target(), i);
                if (first != null) {
                    mp.add("target", "\"" + m.target() + "\" is already mounted by mounts[" + first + "]");
                }
            }
            if (m.type() == MountType.BIND && (m.source() == null || !m.source().startsWith("/"))) {
                mp.add("source", "a bind mount needs an absolute host path, got \"" + (m.source() == null ? "" : m.source()) + "\"");
            }
            if (m.type() == MountType.VOLUME && m.source() != null && !m.source().isEmpty()) {
                Names.check(mp, "source", m.source());
            }
            if (m.type() == MountType.TMPFS && m.source() != null && !m.source().isEmpty()) {
                mp.add("source", "a tmpfs mount has no source");
            }
            if (m.tmpfsSizeBytes() != null) {
                if (m.type() != MountType.TMPFS) {
                    mp.add("tmpfsSizeBytes", "only tmpfs mounts have a size");
                } else {
                    Checks.positive(mp, "tmpfsSizeBytes", m.tmpfsSizeBytes());
                }
            }
        }
    }

    private static void health(Problems at, HealthConfig h) {
        List<String> test = h.test();
        if (!test.isEmpty()) {
            String kind = test.get(0);
            if (kind.equals("CMD") || kind.equals("CMD-SHELL")) {
                if (test.size() < 2 || test.get(1).isBlank()) {
                    at.add("test", kind + " needs a command");
                }
            } else if (!kind.equals("NONE")) {
                at.add("test", "must start with CMD, CMD-SHELL or NONE, got \"" + kind + "\"");
            }
        }
        Checks.positive(at, "interval", h.interval());
        Checks.positive(at, "timeout", h.timeout());
        Checks.nonNegative(at, "startPeriod", h.startPeriod());
        if (h.retries() != null && h.retries() < 0) {
            at.add("retries", "must be >= 0, got " + h.retries());
        }
    }

    private static void resources(Problems at, Resources r, boolean limits) {
        Checks.positive(at, "nanoCpus", r.nanoCpus());
        Checks.positive(at, "memoryBytes", r.memoryBytes());
        if (limits && r.memoryBytes() != null && r.memoryBytes() > 0 && r.memoryBytes() < MIN_MEMORY_LIMIT) {
            at.add("memoryBytes", "must be at least 6MiB (the runtime's own floor), got " + r.memoryBytes());
        }
        if (limits) {
            Checks.positive(at, "pids", r.pids());
        } else if (r.pids() != null) {
            at.add("pids", "pids can be limited but not reserved");
        }
    }

    private static void restart(Problems at, RestartPolicy p) {
        if (p.condition() == null) {
            at.add("condition", "must be none, on-failure or any");
        }
        Checks.nonNegative(at, "delay", p.delay());
        Checks.nonNegative(at, "window", p.window());
        if (p.maxAttempts() != null && p.maxAttempts() < 0) {
            at.add("maxAttempts", "must be >= 0, got " + p.maxAttempts());
        }
    }

    private static void placement(Problems at, Placement p) {
        for (int i = 0; i < p.constraints().size(); i++) {
            ServiceSpecValidator.constraint(at, "constraints[" + i + "]", p.constraints().get(i));
        }
        for (int i = 0; i < p.preferences().size(); i++) {
            ServiceSpecValidator.preference(at.at("preferences", i), p.preferences().get(i));
        }
        if (p.maxReplicasPerNode() != null && p.maxReplicasPerNode() < 0) {
            at.add("maxReplicasPerNode", "must be >= 0, got " + p.maxReplicasPerNode());
        }
    }
}
