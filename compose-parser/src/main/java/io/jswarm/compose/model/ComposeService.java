package io.jswarm.compose.model;

import io.jswarm.api.Copies;
import io.jswarm.api.service.PortConfig;
import io.jswarm.api.task.HealthConfig;
import io.jswarm.api.task.Mount;
import io.jswarm.api.task.RestartPolicy;
import io.jswarm.api.task.Ulimit;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One service after validation, in normalized form: short syntaxes expanded (ports, volumes,
 * healthcheck), {@code env_file} contents merged under {@code environment}, relative paths made
 * absolute. {@code entrypoint}/{@code command} null: not written (keep the image's).
 * {@code restart} is the service-level {@code restart:} (the fallback when
 * {@code deploy.restart_policy} is absent). {@code networks} maps a network key to its aliases.
 */
public record ComposeService(
        String name,
        String image,
        List<String> entrypoint,
        List<String> command,
        Map<String, String> environment,
        Map<String, String> labels,
        String user,
        String workingDir,
        String hostname,
        List<Located<PortConfig>> ports,
        List<Located<Mount>> mounts,
        HealthConfig healthcheck,
        String stopSignal,
        Duration stopGracePeriod,
        RestartPolicy restart,
        Boolean init,
        boolean readOnly,
        List<String> capAdd,
        List<String> capDrop,
        List<Ulimit> ulimits,
        Map<String, String> sysctls,
        List<String> extraHosts,
        List<String> dns,
        Map<String, List<String>> networks,
        List<FileRef> secrets,
        List<FileRef> configs,
        Map<String, Dependency> dependsOn,
        Deploy deploy,
        List<String> profiles) {

    public ComposeService {
        entrypoint = entrypoint == null ? null : List.copyOf(entrypoint);
        command = command == null ? null : List.copyOf(command);
        environment = Copies.map(environment);
        labels = Copies.map(labels);
        ports = Copies.list(ports);
        mounts = Copies.list(mounts);
        capAdd = Copies.list(capAdd);
        capDrop = Copies.list(capDrop);
        ulimits = Copies.list(ulimits);
        sysctls = Copies.map(sysctls);
        extraHosts = Copies.list(extraHosts);
        dns = Copies.list(dns);
        networks = Copies.map(networks);
        secrets = Copies.list(secrets);
        configs = Copies.list(configs);
        dependsOn = Copies.map(dependsOn);
        deploy = deploy == null ? Deploy.NONE : deploy;
        profiles = Copies.list(profiles);
    }
}
