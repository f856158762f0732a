package io.jswarm.worker.runtime;

/**
 * A network namespace prepared for a container before it starts (by io.jswarm.worker.network):
 * the runtime joins it instead of creating one. {@code ipAddress} goes into /etc/hosts; null when
 * the namespace has no address (loopback only).
 */
public record NetworkEndpoint(String netnsPath, String ipAddress) {}
