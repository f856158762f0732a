package io.jswarm.compose.model;

import io.jswarm.api.Copies;
import io.jswarm.api.service.EndpointMode;
import io.jswarm.api.service.UpdateConfig;
import io.jswarm.api.task.PlacementPreference;
import io.jswarm.api.task.ResourceRequirements;
import io.jswarm.api.task.RestartPolicy;
import java.util.List;
import java.util.Map;

/**
 * A service's {@code deploy:} section. Null fields were not written (the converter applies the
 * defaults). {@code mode} is replicated, global, replicated-job or global-job.
 */
public record Deploy(String mode, Integer replicas, List<Located<String>> constraints,
        List<PlacementPreference> preferences, Integer maxReplicasPerNode, ResourceRequirements resources,
        RestartPolicy restartPolicy, UpdateConfig update, UpdateConfig rollback, EndpointMode endpointMode,
        Map<String, String> labels) {

    public static final Deploy NONE = new Deploy(null, null, null, null, null, null, null, null, null, null, null);

    public Deploy {
        constraints = Copies.list(constraints);
        preferences = Copies.list(preferences);
        labels = Copies.map(labels);
    }
}
