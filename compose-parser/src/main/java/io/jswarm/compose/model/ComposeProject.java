package io.jswarm.compose.model;

import io.jswarm.api.Copies;
import java.util.Map;

/** The validated project: everything the converter needs, nothing left to interpret. */
public record ComposeProject(String name, Map<String, ComposeService> services, Map<String, NetworkDef> networks,
        Map<String, VolumeDef> volumes, Map<String, FileObjectDef> secrets, Map<String, FileObjectDef> configs) {
    public ComposeProject {
        services = Copies.map(services);
        networks = Copies.map(networks);
        volumes = Copies.map(volumes);
        secrets = Copies.map(secrets);
        configs = Copies.map(configs);
    }
}
