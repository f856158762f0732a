package io.jswarm.api.task;

import io.jswarm.api.Copies;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What to run. {@code command} replaces the image's entrypoint and {@code args} its cmd, as in
 * Docker; empty lists keep the image's. {@code env} entries are {@code KEY=value}. {@code hosts}
 * are extra {@code /etc/hosts} lines ("IP name…"). Null durations and strings mean the defaults
 * (stop signal SIGTERM, grace 10 s).
 */
public record ContainerSpec(
        String image,
        List<String> command,
        List<String> args,
        List<String> env,
        String user,
        String workdir,
        String hostname,
        Map<String, String> labels,
        List<Mount> mounts,
        HealthConfig healthcheck,
        String stopSignal,
        Duration stopGracePeriod,
        boolean readOnly,
        Boolean init,
        List<String> capabilityAdd,
        List<String> capabilityDrop,
        Map<String, String> sysctls,
        List<Ulimit> ulimits,
        List<String> hosts,
        List<String> dnsServers) {

    public ContainerSpec {
        command = Copies.list(command);
        args = Copies.list(args);
        env = Copies.list(env);
        labels = Copies.map(labels);
        mounts = Copies.list(mounts);
        capabilityAdd = Copies.list(capabilityAdd);
        capabilityDrop = Copies.list(capabilityDrop);
        sysctls = Copies.map(sysctls);
        ulimits = Copies.list(ulimits);
        hosts = Copies.list(hosts);
        dnsServers = Copies.list(dnsServers);
    }

    /** A container of {@code image} with everything else at its default. */
    public static ContainerSpec of(String image, String... args) {
        return new ContainerSpec(image, null, List.of(args), null, null, null, null, null, null, null,
                null, null, false, null, null, null, null, null, null, null);
    }
}
