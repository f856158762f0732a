package io.jswarm.cli.service;

import io.jswarm.api.service.PortConfig;
import io.jswarm.api.service.Service;
import io.jswarm.api.service.ServiceMode;
import io.jswarm.api.task.Task;
import io.jswarm.api.task.TaskState;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.stream.Collectors;

/** Docker-style cells for service and task listings: pure, so the wording is tested directly. */
public final class ServiceFormat {
    private ServiceFormat() {}

    public static String shortId(String id) {
        return id == null ? "" : id.length() <= 12 ? id : id.substring(0, 12);
    }

    public static String mode(ServiceMode m) {
        return m.displayName();
    }

    /** REPLICAS column: running/desired, and the job total in brackets as docker prints it. */
    public static String replicas(ServiceMode m, int running, int desired) {
        if (m instanceof ServiceMode.ReplicatedJob || m instanceof ServiceMode.GlobalJob) {
            return running + "/" + desired + " (" + desired + "/" + desired + " completed)";
        }
        return running + "/" + desired;
    }

    public static String ports(Service s) {
        return s.spec().endpoint().ports().stream().map(ServiceFormat::port).collect(Collectors.joining(", "));
    }

    static String port(PortConfig p) {
        return "*:" + (p.publishedPort() == null ? "" : p.publishedPort()) + "->" + p.targetPort() + "/" + p.protocol().wireName()
                + (p.publishMode() == io.jswarm.api.service.PublishMode.HOST ? " (host)" : "");
    }

    /** NAME column of {@code service ps}: service.slot, or service.node for global tasks. */
    public static String taskName(String serviceName, Task t) {
        return serviceName + "." + (t.slot() > 0 ? Integer.toString(t.slot()) : shortId(t.nodeId()));
    }

    /** "Running 3 minutes ago", as docker words the CURRENT STATE column. */
    public static String currentState(Task t, Instant now) {
        String state = t.status().state().name().toLowerCase(Locale.ROOT);
        state = Character.toUpperCase(state.charAt(0)) + state.substring(1);
        Instant at = t.status().timestamp();
        return at == null ? state : state + " " + ago(Duration.between(at, now)) + " ago";
    }

    static String ago(Duration d) {
        long s = Math.max(0, d.getSeconds());
        if (s < 60) {
            return s <= 1 ? "about a second" : s + " seconds";
        }
        if (s < 3600) {
            return s < 120 ? "about a minute" : s / 60 + " minutes";
        }
        if (s < 86400) {
            return s < 7200 ? "about an hour" : s / 3600 + " hours";
        }
        return s / 86400 + " days";
    }

    public static String desired(TaskState s) {
        String d = s.name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(d.charAt(0)) + d.substring(1);
    }

    public static String error(Task t, boolean noTrunc) {
        String e = t.status().error();
        if (e == null || e.isEmpty()) {
            if (t.status().state() == TaskState.PENDING && t.status().message() != null
                    && t.status().message().startsWith("no suitable node")) {
                e = "\"" + t.status().message() + "\"";
            } else {
                return "";
            }
        } else {
            e = "\"" + e + "\"";
        }
        return noTrunc || e.length() <= 40 ? e : e.substring(0, 38) + "…\"";
    }
}
