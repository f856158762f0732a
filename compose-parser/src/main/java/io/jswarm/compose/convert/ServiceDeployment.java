package io.jswarm.compose.convert;

import io.jswarm.api.Copies;
import io.jswarm.compose.model.Dependency;
import java.util.List;
import java.util.Map;

/**
 * What a deploy needs about one service beyond its {@link io.jswarm.api.service.ServiceSpec}:
 * the services (full names) it waits for and under which condition, and its secrets and configs.
 */
public record ServiceDeployment(String service, Map<String, Dependency> dependsOn, List<FileMount> secrets,
        List<FileMount> configs) {
    public ServiceDeployment {
        dependsOn = Copies.map(dependsOn);
        secrets = Copies.list(secrets);
        configs = Copies.list(configs);
    }
}
