package io.jswarm.api.service;

/**
 * A published port: {@code targetPort} inside the container, {@code publishedPort} on the node
 * (null: chosen by the system). Protocol defaults to tcp and mode to ingress, as in Docker.
 */
public record PortConfig(String name, Protocol protocol, int targetPort, Integer publishedPort, PublishMode publishMode) {
    public PortConfig {
        protocol = protocol == null ? Protocol.TCP : protocol;
        publishMode = publishMode == null ? PublishMode.INGRESS : publishMode;
    }
}
