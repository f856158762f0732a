package io.jswarm.worker.task;

import io.jswarm.api.task.ContainerSpec;
import io.jswarm.api.task.HealthConfig;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The container spec a task actually runs with, once its image is known (pure). As in Docker:
 * no health check in the spec → the image's; a spec check with an empty test (only timings set)
 * takes the image's test and the image's timings where the spec leaves them unset; "NONE" stays
 * disabled. No stop signal in the spec → the image's. The image's manifest digest is recorded as
 * the label {@value #IMAGE_DIGEST_LABEL}: the container record on disk is then enough to pin the
 * image's layers against GC, and it survives worker restarts.
 */
public final class EffectiveSpec {
    public static final String IMAGE_DIGEST_LABEL = "io.jswarm.image.digest";

    private EffectiveSpec() {}

    public static ContainerSpec of(ContainerSpec spec, ResolvedImage image) {
        HealthConfig health = health(spec.healthcheck(), image.healthcheck());
        String stop = spec.stopSignal() == null || spec.stopSignal().isBlank() ? image.stopSignal() : spec.stopSignal();
        Map<String, String> labels = new LinkedHashMap<>(spec.labels());
        if (image.manifestDigest() != null) {
            labels.put(IMAGE_DIGEST_LABEL, image.manifestDigest());
        }
        return new ContainerSpec(spec.image(), spec.command(), spec.args(), spec.env(), spec.user(), spec.workdir(),
                spec.hostname(), labels, spec.mounts(), health, stop, spec.stopGracePeriod(), spec.readOnly(), spec.init(),
                spec.capabilityAdd(), spec.capabilityDrop(), spec.sysctls(), spec.ulimits(), spec.hosts(), spec.dnsServers());
    }

    static HealthConfig health(HealthConfig spec, HealthConfig image) {
        if (spec == null) {
            return image;
        }
        if (!spec.test().isEmpty() || image == null) {
            return spec;
        }
        return new HealthConfig(image.test(), or(spec.interval(), image.interval()), or(spec.timeout(), image.timeout()),
                or(spec.retries(), image.retries()), or(spec.startPeriod(), image.startPeriod()));
    }

    private static <T> T or(T a, T b) {
        return a != null ? a : b;
    }
}
