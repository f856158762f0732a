package io.jswarm.compose.convert;

import io.jswarm.api.service.EndpointMode;
import io.jswarm.api.service.EndpointSpec;
import io.jswarm.api.service.PortConfig;
import io.jswarm.api.service.ServiceMode;
import io.jswarm.api.service.ServiceSpec;
import io.jswarm.api.task.ContainerSpec;
import io.jswarm.api.task.Mount;
import io.jswarm.api.task.MountType;
import io.jswarm.api.task.NetworkAttachment;
import io.jswarm.api.task.Placement;
import io.jswarm.api.task.RestartCondition;
import io.jswarm.api.task.RestartPolicy;
import io.jswarm.api.task.TaskSpec;
import io.jswarm.api.task.Ulimit;
import io.jswarm.api.validate.Problem;
import io.jswarm.api.validate.ServiceSpecValidator;
import io.jswarm.compose.Diagnostics;
import io.jswarm.compose.model.ComposeProject;
import io.jswarm.compose.model.ComposeService;
import io.jswarm.compose.model.Deploy;
import io.jswarm.compose.model.Dependency;
import io.jswarm.compose.model.FileObjectDef;
import io.jswarm.compose.model.FileRef;
import io.jswarm.compose.model.Located;
import io.jswarm.compose.model.NetworkDef;
import io.jswarm.compose.validate.DependencyGraph;
import io.jswarm.compose.validate.PathLocator;
import io.jswarm.compose.yaml.Position;
import io.jswarm.compose.yaml.YNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Stage 6, pure: a validated {@link ComposeProject} to service specs and stack resources.
 *
 * <p>Invariant: every list in the output is sorted by a total order (env by text, mounts by
 * target, ports by published/target/protocol, networks by name, …), so converting an unchanged
 * project gives equal specs and a redeploy changes nothing — docker/cli sorts for the same
 * reason. The specs then go through {@link ServiceSpecValidator}; its problems are reported at the
 * compose key they came from ({@code endpoint.ports[0]} → {@code services.web.ports[2]}).
 */
public final class SpecConverter {
    private final ComposeProject project;
    private final StackNames names;
    private final YNode tree;
    private final Diagnostics diag;

    private SpecConverter(ComposeProject project, YNode tree, Diagnostics diag) {
        this.project = project;
        this.names = new StackNames(project.name());
        this.tree = tree;
        this.diag = diag;
    }

    /** @param tree the merged tree the project was read from, for positions (may be null) */
    public static Conversion convert(ComposeProject project, YNode tree, Diagnostics diag) {
        return new SpecConverter(project, tree, diag).convert();
    }

    private Conversion convert() {
        List<ServiceSpec> specs = new ArrayList<>();
        List<ServiceDeployment> deployments = new ArrayList<>();
        boolean usesDefault = false;
        for (ComposeService s : project.services().values()) {
            usesDefault |= s.networks().isEmpty() || s.networks().containsKey(StackResources.DEFAULT_NETWORK);
            SpecOrigins origins = new SpecOrigins("services." + s.name());
            ServiceSpec spec = service(s, origins);
            for (Problem p : ServiceSpecValidator.validate(spec)) {
                String path = origins.composePath(p.path());
                diag.error(tree == null ? Position.UNKNOWN : PathLocator.locate(tree, path), path,
                        p.message() + " (" + p.path() + " of service " + spec.name() + ")");
            }
            specs.add(spec);
            deployments.add(deployment(s));
        }
        Map<String, Set<String>> edges = new TreeMap<>();
        project.services().values().forEach(s -> edges.put(names.scoped(s.name()), scopedKeys(s.dependsOn().keySet())));
        DependencyGraph graph = new DependencyGraph(edges);
        // The reader has refused cycles already; the guard keeps this stage total on its own.
        List<String> order = graph.cycle().isPresent() ? List.copyOf(edges.keySet()) : graph.startOrder();
        specs.sort(Comparator.comparing(ServiceSpec::name));
        deployments.sort(Comparator.comparing(ServiceDeployment::service));
        StackResources resources = new StackResources(project, names);
        return new Conversion(project.name(), specs, order, deployments, resources.networks(usesDefault), resources.volumes(),
                resources.files(project.secrets()), resources.files(project.configs()));
    }

    private Set<String> scopedKeys(Set<String> keys) {
        Set<String> out = new TreeSet<>();
        keys.stream().filter(project.services()::containsKey).forEach(k -> out.add(names.scoped(k)));
        return out;
    }

    private ServiceSpec service(ComposeService s, SpecOrigins o) {
        Deploy d = s.deploy();
        o.map("name", "");
        o.map("labels", "deploy.labels");
        o.map("mode", d.replicas() != null ? "deploy.replicas" : "deploy.mode");
        o.map("task.container.image", "image");
        o.map("task.container.env", "environment");
        o.map("task.container.workdir", "working_dir");
        o.map("task.container.hostname", "hostname");
        o.map("task.container.stopSignal", "stop_signal");
        o.map("task.container.stopGracePeriod", "stop_grace_period");
        o.map("task.container.labels", "labels");
        o.map("task.container.healthcheck", "healthcheck");
        o.map("task.container.ulimits", "ulimits");
        o.map("task.resources", "deploy.resources");
        for (String kind : List.of("limits", "reservations")) {
            o.map("task.resources." + kind + ".memoryBytes", "deploy.resources." + kind + ".memory");
            o.map("task.resources." + kind + ".nanoCpus", "deploy.resources." + kind + ".cpus");
            o.map("task.resources." + kind + ".pids", "deploy.resources." + kind + ".pids");
        }
        o.map("task.restartPolicy", d.restartPolicy() != null || s.restart() == null ? "deploy.restart_policy" : "restart");
        o.map("task.placement", "deploy.placement");
        o.map("update", "deploy.update_config");
        o.map("rollback", "deploy.rollback_config");
        o.map("endpoint", "deploy.endpoint_mode");

        List<Located<Mount>> mounts = sorted(s.mounts(), Comparator.comparing((Located<Mount> m) -> m.value().target())
                .thenComparing(m -> m.value().type()).thenComparing(m -> String.valueOf(m.value().source())));
        List<Mount> mountSpecs = new ArrayList<>();
        for (int i = 0; i < mounts.size(); i++) {
            mountSpecs.add(mount(mounts.get(i).value()));
            o.located("task.container.mounts[" + i + "]", mounts.get(i).path());
        }
        List<Located<PortConfig>> ports = sorted(s.ports(), Comparator
                .comparing((Located<PortConfig> p) -> p.value().publishedPort() == null ? Integer.MAX_VALUE : p.value().publishedPort())
                .thenComparingInt(p -> p.value().targetPort())
                .thenComparing(p -> p.value().protocol())
                .thenComparing(p -> p.value().publishMode())
                .thenComparing(p -> String.valueOf(p.value().name())));
        List<PortConfig> portSpecs = new ArrayList<>();
        for (int i = 0; i < ports.size(); i++) {
            portSpecs.add(ports.get(i).value());
            o.located("endpoint.ports[" + i + "]", ports.get(i).path());
        }
        List<Located<String>> constraints = sorted(d.constraints(), Comparator.comparing(Located::value));
        for (int i = 0; i < constraints.size(); i++) {
            o.located("task.placement.constraints[" + i + "]", constraints.get(i).path());
        }
        List<NetworkAttachment> networks = networks(s, o);

        ContainerSpec container = new ContainerSpec(
                s.image(),
                s.entrypoint(),
                s.command(),
                env(s.environment()),
                s.user(),
                s.workingDir(),
                s.hostname(),
                names.withNamespace(s.labels()),
                mountSpecs,
                s.healthcheck(),
                s.stopSignal(),
                s.stopGracePeriod(),
                s.readOnly(),
                s.init(),
                sortedStrings(s.capAdd()),
                sortedStrings(s.capDrop()),
                s.sysctls(),
                s.ulimits().stream().sorted(Comparator.comparing(Ulimit::name)).toList(),
                sortedStrings(s.extraHosts()),
                s.dns());
        ServiceMode mode = mode(d);
        Placement placement = new Placement(constraints.stream().map(Located::value).toList(), d.preferences(), d.maxReplicasPerNode());
        TaskSpec task = new TaskSpec(container, d.resources(), restartPolicy(s, mode), placement, networks, 0);
        return new ServiceSpec(names.scoped(s.name()), names.withNamespace(d.labels()), task, mode, d.update(), d.rollback(),
                new EndpointSpec(d.endpointMode() == null ? EndpointMode.VIP : d.endpointMode(), portSpecs));
    }

    private static <T> List<T> sorted(List<T> in, Comparator<? super T> order) {
        List<T> out = new ArrayList<>(in);
        out.sort(order);
        return out;
    }

    private static List<String> sortedStrings(List<String> in) {
        return in.stream().sorted().distinct().toList();
    }

    /** KEY=value, sorted; a key left without value (unset in the environment) is left out. */
    private static List<String> env(Map<String, String> env) {
        List<String> out = new ArrayList<>();
        new TreeMap<>(env).forEach((k, v) -> {
            if (v != null) {
                out.add(k + "=" + v);
            }
        });
        return out;
    }

    private Mount mount(Mount m) {
        if (m.type() != MountType.VOLUME || m.source() == null) {
            return m;
        }
        var def = project.volumes().get(m.source());
        String name = def == null ? names.scoped(m.source()) : names.resolve(m.source(), def.name());
        return new Mount(m.type(), name, m.target(), m.readOnly(), m.tmpfsSizeBytes());
    }

    /** The stack's default network when none is listed; the service's own name is always an alias. */
    private List<NetworkAttachment> networks(ComposeService s, SpecOrigins o) {
        Map<String, List<String>> nets = s.networks().isEmpty() ? Map.of(StackResources.DEFAULT_NETWORK, List.of()) : s.networks();
        Map<String, String> keyByName = new TreeMap<>();
        nets.keySet().forEach(k -> keyByName.put(networkName(k), k));
        List<NetworkAttachment> out = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, String> e : keyByName.entrySet()) {
            Set<String> aliases = new TreeSet<>(nets.get(e.getValue()));
            aliases.add(s.name());
            out.add(new NetworkAttachment(e.getKey(), List.copyOf(aliases)));
            o.map("task.networks[" + i++ + "]", "networks." + e.getValue());
        }
        return out;
    }

    private String networkName(String key) {
        NetworkDef def = project.networks().get(key);
        return def == null ? names.scoped(key) : names.resolve(key, def.name());
    }

    private static ServiceMode mode(Deploy d) {
        int replicas = d.replicas() == null ? 1 : d.replicas();
        String mode = d.mode() == null ? "replicated" : d.mode();
        return switch (mode) {
            case "global" -> new ServiceMode.Global();
            case "replicated-job" -> new ServiceMode.ReplicatedJob(replicas, replicas);
            case "global-job" -> new ServiceMode.GlobalJob();
            default -> new ServiceMode.Replicated(replicas);
        };
    }

    /**
     * deploy.restart_policy, else the service's {@code restart:}, else Docker's default; a job
     * without a policy restarts only on failure (restarting a finished job would run it again).
     */
    private static RestartPolicy restartPolicy(ComposeService s, ServiceMode mode) {
        if (s.deploy().restartPolicy() != null) {
            return s.deploy().restartPolicy();
        }
        if (s.restart() != null) {
            return s.restart();
        }
        return mode.isJob() ? new RestartPolicy(RestartCondition.ON_FAILURE, RestartPolicy.DEFAULT.delay(), null, null)
                : RestartPolicy.DEFAULT;
    }

    private ServiceDeployment deployment(ComposeService s) {
        Map<String, Dependency> deps = new TreeMap<>();
        s.dependsOn().forEach((k, v) -> {
            if (project.services().containsKey(k)) {
                deps.put(names.scoped(k), v);
            }
        });
        return new ServiceDeployment(names.scoped(s.name()), deps,
                fileMounts(s.secrets(), project.secrets(), k -> "/run/secrets/" + k),
                fileMounts(s.configs(), project.configs(), k -> "/" + k));
    }

    private List<FileMount> fileMounts(List<FileRef> refs, Map<String, FileObjectDef> defs, Function<String, String> defaultTarget) {
        List<FileMount> out = new ArrayList<>();
        for (FileRef r : refs) {
            FileObjectDef def = defs.get(r.source());
            String name = def == null ? names.scoped(r.source()) : names.resolve(r.source(), def.name());
            String target = r.target() == null ? defaultTarget.apply(r.source())
                    : r.target().startsWith("/") ? r.target() : defaultTarget.apply(r.target());
            out.add(new FileMount(name, target, r.uid() == null ? "0" : r.uid(), r.gid() == null ? "0" : r.gid(),
                    r.mode() == null ? 0444 : r.mode()));
        }
        out.sort(Comparator.comparing(FileMount::target).thenComparing(FileMount::name));
        return out;
    }

}
