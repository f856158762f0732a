package io.jswarm.scheduler.placement;

import io.jswarm.api.service.PortConfig;
import io.jswarm.api.service.PublishMode;
import io.jswarm.api.service.Service;

/**
 * Host-mode published ports of a service, each packed into a long ({@code protocol << 32 | port})
 * so a node's used ports are a set of primitives. Ingress ports do not occupy a node's port for
 * one task, and a port chosen by the system (null) cannot conflict, so neither is listed.
 */
public final class HostPorts {
    private static final long[] NONE = new long[0];

    private HostPorts() {}

    public static long[] of(Service service) {
        if (service == null || service.spec() == null) {
            return NONE;
        }
        return service.spec().endpoint().ports().stream()
                .filter(p -> p.publishMode() == PublishMode.HOST && p.publishedPort() != null)
                .mapToLong(HostPorts::key)
                .distinct()
                .toArray();
    }

    static long key(PortConfig p) {
        return ((long) p.protocol().ordinal() << 32) | p.publishedPort();
    }
}
