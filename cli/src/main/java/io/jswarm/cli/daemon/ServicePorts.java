package io.jswarm.cli.daemon;

import io.jswarm.api.service.PortConfig;
import io.jswarm.api.task.Task;
import io.jswarm.api.task.TaskState;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The host-mode published ports of the services this node runs tasks of. A task does not carry its
 * service's endpoint, so the worker asks the managers ({@code /v1/dispatcher/ports}) before handing
 * new tasks to the agent; the agent reads them when it creates a task's controller. An entry is
 * refreshed when a task of a newer service version arrives (a service update changes its tasks'
 * version, so changed ports are never read from a stale entry).
 */
final class ServicePorts {
    record Entry(long serviceVersion, List<PortConfig> ports) {}

    private final Map<String, Entry> byService = new ConcurrentHashMap<>();

    /** Pure: the services whose ports must be fetched before these tasks can be started. */
    List<String> missing(List<Task> tasks) {
        Set<String> out = new LinkedHashSet<>();
        for (Task t : tasks) {
            if (t.serviceId() == null || t.desiredState().ordinal() > TaskState.RUNNING.ordinal()) {
                continue;
            }
            Entry e = byService.get(t.serviceId());
            if (e == null || e.serviceVersion() < t.serviceVersion()) {
                out.add(t.serviceId());
            }
        }
        return new ArrayList<>(out);
    }

    /** Records what the managers answered for tasks of {@code version} (the newest version asked for). */
    void put(List<Task> tasks, Map<String, List<PortConfig>> answer) {
        for (var e : answer.entrySet()) {
            long version = tasks.stream().filter(t -> e.getKey().equals(t.serviceId())).mapToLong(Task::serviceVersion)
                    .max().orElse(0);
            byService.put(e.getKey(), new Entry(version, List.copyOf(e.getValue())));
        }
    }

    List<PortConfig> of(Task t) {
        Entry e = t.serviceId() == null ? null : byService.get(t.serviceId());
        return e == null ? List.of() : e.ports();
    }
}
