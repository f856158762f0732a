package io.jswarm.manager.orchestration;

import io.jswarm.api.service.ServiceMode;
import io.jswarm.api.service.ServiceSpec;
import io.jswarm.api.task.ContainerSpec;
import io.jswarm.api.task.Placement;
import io.jswarm.api.task.ResourceRequirements;
import io.jswarm.api.task.Resources;
import io.jswarm.api.task.RestartCondition;
import io.jswarm.api.task.RestartPolicy;
import io.jswarm.api.task.TaskSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Service specs for scenario tests, with one-line variations. */
final class Specs {
    private Specs() {}

    static ServiceSpec replicated(String name, int replicas, String... args) {
        return new ServiceSpec(name, Map.of(), TaskSpec.of(ContainerSpec.of("busybox", args)),
                new ServiceMode.Replicated(replicas), null, null, null);
    }

    static ServiceSpec mode(ServiceSpec s, ServiceMode mode) {
        return new ServiceSpec(s.name(), s.labels(), s.task(), mode, s.update(), s.rollback(), s.endpoint());
    }

    static ServiceSpec restart(ServiceSpec s, RestartCondition c, Duration delay, Integer maxAttempts, Duration window) {
        TaskSpec t = s.task();
        return withTask(s, new TaskSpec(t.container(), t.resources(), new RestartPolicy(c, delay, maxAttempts, window),
                t.placement(), t.networks(), t.forceUpdate()));
    }

    static ServiceSpec constraints(ServiceSpec s, String... constraints) {
        TaskSpec t = s.task();
        return withTask(s, new TaskSpec(t.container(), t.resources(), t.restartPolicy(),
                new Placement(List.of(constraints), List.of(), null), t.networks(), t.forceUpdate()));
    }

    static ServiceSpec reserveMemory(ServiceSpec s, long bytes) {
        TaskSpec t = s.task();
        return withTask(s, new TaskSpec(t.container(), new ResourceRequirements(null, new Resources(null, bytes, null)),
                t.restartPolicy(), t.placement(), t.networks(), t.forceUpdate()));
    }

    static ServiceSpec withTask(ServiceSpec s, TaskSpec t) {
        return new ServiceSpec(s.name(), s.labels(), t, s.mode(), s.update(), s.rollback(), s.endpoint());
    }
}
