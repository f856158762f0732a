package io.jswarm.api.service;

import io.jswarm.api.Copies;
import io.jswarm.api.task.TaskSpec;
import java.util.Map;

/**
 * What the user asked for. The system never rewrites a spec; what it observes lives in
 * {@link Service} and the service's tasks.
 */
public record ServiceSpec(
        String name,
        Map<String, String> labels,
        TaskSpec task,
        ServiceMode mode,
        UpdateConfig update,
        UpdateConfig rollback,
        EndpointSpec endpoint) {

    public ServiceSpec {
        labels = Copies.map(labels);
        mode = mode == null ? new ServiceMode.Replicated(1) : mode;
        update = update == null ? UpdateConfig.DEFAULT : update;
        rollback = rollback == null ? UpdateConfig.DEFAULT : rollback;
        endpoint = endpoint == null ? EndpointSpec.NONE : endpoint;
    }
}
