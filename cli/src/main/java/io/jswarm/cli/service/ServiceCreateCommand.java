package io.jswarm.cli.service;

import io.jswarm.api.service.EndpointSpec;
import io.jswarm.api.service.PortConfig;
import io.jswarm.api.service.ServiceMode;
import io.jswarm.api.service.ServiceSpec;
import io.jswarm.api.task.ContainerSpec;
import io.jswarm.api.task.HealthConfig;
import io.jswarm.api.task.Mount;
import io.jswarm.api.task.Placement;
import io.jswarm.api.task.PlacementPreference;
import io.jswarm.api.task.ResourceRequirements;
import io.jswarm.api.task.Resources;
import io.jswarm.api.task.RestartCondition;
import io.jswarm.api.task.RestartPolicy;
import io.jswarm.api.task.TaskSpec;
import io.jswarm.cli.CliException;
import io.jswarm.cli.ExitCodes;
import io.jswarm.cli.JswarmCommand;
import io.jswarm.cli.client.DaemonClient;
import io.jswarm.cli.flags.Converters;
import io.jswarm.cli.flags.MountConverter;
import io.jswarm.cli.flags.PublishConverter;
import io.jswarm.manager.api.ServiceWire;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jswarm service create [OPTIONS] IMAGE [COMMAND] [ARG...]}: docker's flags that map onto the model. */
@Command(name = "create", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Create a service")
public final class ServiceCreateCommand implements Runnable, io.jswarm.cli.StopsAtPositional {
    @Spec
    CommandSpec spec;

    @Option(names = "--name", description = "Service name") String name;
    @Option(names = "--mode", paramLabel = "MODE", description = "replicated, global, replicated-job or global-job (default replicated)")
    String mode = "replicated";
    @Option(names = "--replicas", description = "Number of tasks (replicated-job: total completions)") Integer replicas;
    @Option(names = "--max-concurrent", description = "replicated-job: tasks running at once (default: all)") Integer maxConcurrent;
    @Option(names = {"-e", "--env"}, paramLabel = "KEY=VALUE", description = "Set an environment variable") List<String> env = new ArrayList<>();
    @Option(names = "--env-file", paramLabel = "FILE", description = "Read environment variables from a file") List<Path> envFiles = new ArrayList<>();
    @Option(names = "--label", paramLabel = "KEY=VALUE", converter = Converters.KeyValueConverter.class, description = "Service label")
    List<String[]> labels = new ArrayList<>();
    @Option(names = "--container-label", paramLabel = "KEY=VALUE", converter = Converters.KeyValueConverter.class,
            description = "Container label") List<String[]> containerLabels = new ArrayList<>();
    @Option(names = {"-w", "--workdir"}, description = "Working directory inside the container") String workdir;
    @Option(names = {"-u", "--user"}, description = "Username or UID[:GID]") String user;
    @Option(names = "--hostname", description = "Container hostname") String hostname;
    @Option(names = "--mount", converter = MountConverter.class, description = "Attach a filesystem mount") List<Mount> mounts = new ArrayList<>();
    @Option(names = {"-p", "--publish"}, converter = PublishConverter.class,
            description = "Publish a port: published=8080,target=80,mode=host") List<PortConfig> ports = new ArrayList<>();
    @Option(names = "--constraint", description = "Placement constraint, e.g. node.labels.zone==eu") List<String> constraints = new ArrayList<>();
    @Option(names = "--placement-pref", description = "Placement preference, e.g. spread=node.labels.zone") List<String> preferences = new ArrayList<>();
    @Option(names = "--replicas-max-per-node", description = "Maximum tasks per node (default 0 = unlimited)") Integer maxPerNode;
    @Option(names = "--reserve-cpu", converter = Converters.CpusConverter.class, description = "Reserve CPUs") Long reserveCpu;
    @Option(names = "--reserve-memory", converter = Converters.BytesConverter.class, description = "Reserve memory") Long reserveMemory;
    @Option(names = "--limit-cpu", converter = Converters.CpusConverter.class, description = "Limit CPUs") Long limitCpu;
    @Option(names = "--limit-memory", converter = Converters.BytesConverter.class, description = "Limit memory") Long limitMemory;
    @Option(names = "--limit-pids", description = "Limit the number of processes (0 = unlimited)") Long limitPids;
    @Option(names = "--restart-condition", paramLabel = "COND", description = "none, on-failure or any (default any)") String restartCondition;
    @Option(names = "--restart-delay", converter = Converters.DurationConverter.class, description = "Delay between restarts (default 5s)")
    Duration restartDelay;
    @Option(names = "--restart-max-attempts", description = "Maximum restarts before giving up") Integer restartMaxAttempts;
    @Option(names = "--restart-window", converter = Converters.DurationConverter.class, description = "Window used to evaluate the restart policy")
    Duration restartWindow;
    @Option(names = "--health-cmd", description = "Command to run to check health") String healthCmd;
    @Option(names = "--health-interval", converter = Converters.DurationConverter.class) Duration healthInterval;
    @Option(names = "--health-timeout", converter = Converters.DurationConverter.class) Duration healthTimeout;
    @Option(names = "--health-retries") Integer healthRetries;
    @Option(names = "--health-start-period", converter = Converters.DurationConverter.class) Duration healthStartPeriod;
    @Option(names = "--no-healthcheck", description = "Disable any container-specified HEALTHCHECK") boolean noHealthcheck;
    @Option(names = "--stop-signal", description = "Signal to stop the container") String stopSignal;
    @Option(names = "--stop-grace-period", converter = Converters.DurationConverter.class,
            description = "Time to wait before force killing a container") Duration stopGracePeriod;
    @Option(names = "--entrypoint", description = "Overwrite the default ENTRYPOINT of the image") String entrypoint;
    @Option(names = {"-d", "--detach"}, description = "Exit immediately instead of waiting for the service to converge") boolean detach;

    @Parameters(index = "0", paramLabel = "IMAGE") String image;
    @Parameters(index = "1..*", paramLabel = "ARG", description = "Command and arguments (replace the image's CMD)")
    List<String> args = new ArrayList<>();

    @Override
    public void run() {
        ServiceSpec s = toSpec();
        JswarmCommand root = JswarmCommand.of(spec);
        try (DaemonClient client = DaemonClient.connect(root.daemon())) {
            ServiceWire.CreateAnswer answer = client.post("/v1/services", s).as(ServiceWire.CreateAnswer.class);
            var out = spec.commandLine().getOut();
            out.println(answer.id());
            out.flush();
            if (!detach) {
                new Convergence(client, out, root.quiet()).await(answer.id());
            }
        }
    }

    /** The spec these flags describe: pure (reads only --env-file), so it is tested without a daemon. */
    public ServiceSpec toSpec() {
        ContainerSpec container = new ContainerSpec(image, entrypoint == null ? null : List.of(entrypoint.strip().split("\\s+")),
                args, environment(), user, workdir, hostname, map(containerLabels), mounts, health(), stopSignal,
                stopGracePeriod, false, null, null, null, null, null, null, null);
        Resources limits = new Resources(limitCpu, limitMemory, limitPids);
        Resources reservations = new Resources(reserveCpu, reserveMemory, null);
        RestartPolicy restart = new RestartPolicy(condition(), restartDelay == null ? RestartPolicy.DEFAULT.delay() : restartDelay,
                restartMaxAttempts, restartWindow);
        Placement placement = new Placement(constraints, preferences.stream().map(ServiceCreateCommand::preference).toList(),
                maxPerNode);
        TaskSpec task = new TaskSpec(container, new ResourceRequirements(limits, reservations), restart, placement, null, 0);
        return new ServiceSpec(name == null ? defaultName() : name, map(labels), task, mode(), null, null,
                new EndpointSpec(null, ports));
    }

    /** Docker picks a random name; ours is derived from the image so it is readable and predictable. */
    private String defaultName() {
        String base = image.replaceAll(".*/", "").replaceAll("[:@].*", "").replaceAll("[^a-zA-Z0-9_.-]", "-");
        return base.isEmpty() ? "service" : base;
    }

    private ServiceMode mode() {
        switch (mode) {
            case "replicated":
                return new ServiceMode.Replicated(replicas == null ? 1 : replicas);
            case "global":
                refuseReplicas("global");
                return new ServiceMode.Global();
            case "replicated-job":
                return new ServiceMode.ReplicatedJob(maxConcurrent == null ? 0 : maxConcurrent, replicas == null ? 1 : replicas);
            case "global-job":
                refuseReplicas("global-job");
                return new ServiceMode.GlobalJob();
            default:
                throw new CliException(ExitCodes.USAGE, "--mode: must be replicated, global, replicated-job or global-job, got \""
                        + mode + "\"");
        }
    }

    private void refuseReplicas(String m) {
        if (replicas != null) {
            throw new CliException(ExitCodes.USAGE, "--replicas: not allowed with --mode " + m);
        }
    }

    private RestartCondition condition() {
        if (restartCondition == null) {
            return RestartCondition.ANY;
        }
        return switch (restartCondition) {
            case "none" -> RestartCondition.NONE;
            case "on-failure" -> RestartCondition.ON_FAILURE;
            case "any" -> RestartCondition.ANY;
            default -> throw new CliException(ExitCodes.USAGE, "--restart-condition: must be none, on-failure or any, got \""
                    + restartCondition + "\"");
        };
    }

    private static PlacementPreference preference(String text) {
        if (!text.startsWith("spread=")) {
            throw new CliException(ExitCodes.USAGE, "--placement-pref: expected spread=DESCRIPTOR, got \"" + text + "\"");
        }
        return new PlacementPreference(text.substring("spread=".length()));
    }

    private HealthConfig health() {
        if (noHealthcheck) {
            if (healthCmd != null) {
                throw new CliException(ExitCodes.USAGE, "--no-healthcheck: conflicts with --health-cmd");
            }
            return new HealthConfig(List.of("NONE"), null, null, null, null);
        }
        if (healthCmd == null && healthInterval == null && healthTimeout == null && healthRetries == null
                && healthStartPeriod == null) {
            return null;
        }
        return new HealthConfig(healthCmd == null ? List.of() : List.of("CMD-SHELL", healthCmd), healthInterval, healthTimeout,
                healthRetries, healthStartPeriod);
    }

    private List<String> environment() {
        List<String> all = new ArrayList<>();
        for (Path f : envFiles) {
            List<String> lines;
            try {
                lines = Files.readAllLines(f);
            } catch (IOException e) {
                throw new CliException(ExitCodes.USAGE, "--env-file: cannot read " + f + ": " + e.getMessage());
            }
            for (String line : lines) {
                String l = line.strip();
                if (!l.isEmpty() && !l.startsWith("#")) {
                    all.add(l);
                }
            }
        }
        for (String e : env) {
            if (e.isEmpty() || e.startsWith("=")) {
                throw new CliException(ExitCodes.USAGE, "--env: expected KEY=VALUE, got \"" + e + "\"");
            }
            all.add(e);
        }
        return all;
    }

    private static Map<String, String> map(List<String[]> pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        pairs.forEach(p -> m.put(p[0], p[1]));
        return m;
    }
}
