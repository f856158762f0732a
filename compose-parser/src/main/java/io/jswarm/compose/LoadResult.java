package io.jswarm.compose;

import io.jswarm.api.Copies;
import io.jswarm.api.service.ServiceSpec;
import io.jswarm.compose.convert.ServiceDeployment;
import io.jswarm.compose.convert.StackFile;
import io.jswarm.compose.convert.StackNetwork;
import io.jswarm.compose.convert.StackVolume;
import io.jswarm.compose.model.ComposeProject;
import java.util.List;

/**
 * A loaded stack: the service specs (sorted by name), the start {@code order} (full service names,
 * dependencies first), per-service dependencies and secrets/configs, the stack's resources, the
 * warnings, and the resolved {@code project} (what {@code stack config} prints).
 */
public record LoadResult(String stackName, List<ServiceSpec> services, List<String> order,
        List<ServiceDeployment> deployments, List<StackNetwork> networks, List<StackVolume> volumes,
        List<StackFile> secrets, List<StackFile> configs, List<ComposeProblem> warnings, ComposeProject project) {
    public LoadResult {
        services = Copies.list(services);
        order = Copies.list(order);
        deployments = Copies.list(deployments);
        networks = Copies.list(networks);
        volumes = Copies.list(volumes);
        secrets = Copies.list(secrets);
        configs = Copies.list(configs);
        warnings = Copies.list(warnings);
    }
}
