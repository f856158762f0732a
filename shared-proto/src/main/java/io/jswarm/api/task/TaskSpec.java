package io.jswarm.api.task;

import io.jswarm.api.Copies;
import java.util.List;

/**
 * Everything a worker needs to run one task of a service. {@code forceUpdate} is bumped to
 * restart every task without changing anything else (docker service update --force).
 */
public record TaskSpec(
        ContainerSpec container,
        ResourceRequirements resources,
        RestartPolicy restartPolicy,
        Placement placement,
        List<NetworkAttachment> networks,
        long forceUpdate) {

    public TaskSpec {
        resources = resources == null ? ResourceRequirements.NONE : resources;
        restartPolicy = restartPolicy == null ? RestartPolicy.DEFAULT : restartPolicy;
        placement = placement == null ? Placement.ANYWHERE : placement;
        networks = Copies.list(networks);
    }

    public static TaskSpec of(ContainerSpec container) {
        return new TaskSpec(container, null, null, null, null, 0);
    }
}
