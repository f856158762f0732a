package io.jswarm.compose.convert;

import io.jswarm.api.Copies;
import io.jswarm.api.service.ServiceSpec;
import java.util.List;

/**
 * The converter's output, every list sorted: services by name, {@code order} the start order
 * (dependencies first), resources by key. Equal projects give equal conversions.
 */
public record Conversion(String stack, List<ServiceSpec> services, List<String> order, List<ServiceDeployment> deployments,
        List<StackNetwork> networks, List<StackVolume> volumes, List<StackFile> secrets, List<StackFile> configs) {
    public Conversion {
        services = Copies.list(services);
        order = Copies.list(order);
        deployments = Copies.list(deployments);
        networks = Copies.list(networks);
        volumes = Copies.list(volumes);
        secrets = Copies.list(secrets);
        configs = Copies.list(configs);
    }
}
