package io.jswarm.worker.image;

import java.time.Duration;
import java.util.Set;

/**
 * How this node talks to registries. HTTPS always, except for the registries listed in
 * {@code insecureRegistries} (host[:port] as in references), which are spoken to over plain HTTP.
 * A failed request (connection error, 5xx, 429, a broken transfer) is tried {@code maxAttempts}
 * times in all, {@code retryDelay} apart (doubling).
 */
public record RegistryConfig(Set<String> insecureRegistries, Credentials credentials, ImagePlatform platform,
                             int maxAttempts, Duration retryDelay, Duration requestTimeout) {
    public RegistryConfig {
        insecureRegistries = Set.copyOf(insecureRegistries);
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    public static RegistryConfig defaults() {
        return new RegistryConfig(Set.of(), Credentials.none(), ImagePlatform.current(), 3, Duration.ofSeconds(1), Duration.ofMinutes(5));
    }

    public RegistryConfig withInsecure(String... registries) {
        return new RegistryConfig(Set.of(registries), credentials, platform, maxAttempts, retryDelay, requestTimeout);
    }

    public RegistryConfig withCredentials(Credentials c) {
        return new RegistryConfig(insecureRegistries, c, platform, maxAttempts, retryDelay, requestTimeout);
    }

    public RegistryConfig withPlatform(ImagePlatform p) {
        return new RegistryConfig(insecureRegistries, credentials, p, maxAttempts, retryDelay, requestTimeout);
    }

    public RegistryConfig withRetries(int attempts, Duration delay) {
        return new RegistryConfig(insecureRegistries, credentials, platform, attempts, delay, requestTimeout);
    }

    /** The base URI of a registry's API: docker.io is served from registry-1.docker.io. */
    public String baseUri(String domain) {
        String host = domain.equals(Reference.DOCKER_HUB) ? "registry-1.docker.io" : domain;
        return (insecureRegistries.contains(domain) ? "http://" : "https://") + host;
    }
}
