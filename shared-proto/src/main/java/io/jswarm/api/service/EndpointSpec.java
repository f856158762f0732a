package io.jswarm.api.service;

import io.jswarm.api.Copies;
import java.util.List;

/** How the service is reached: endpoint mode and published ports. */
public record EndpointSpec(EndpointMode mode, List<PortConfig> ports) {
    public static final EndpointSpec NONE = new EndpointSpec(EndpointMode.VIP, List.of());

    public EndpointSpec {
        mode = mode == null ? EndpointMode.VIP : mode;
        ports = Copies.list(ports);
    }
}
