package io.jswarm.scheduler;

import io.jswarm.api.Meta;
import io.jswarm.api.node.Availability;
import io.jswarm.api.node.Node;
import io.jswarm.api.node.NodeDescription;
import io.jswarm.api.node.NodeResources;
import io.jswarm.api.node.NodeRole;
import io.jswarm.api.node.NodeSpec;
import io.jswarm.api.node.NodeState;
import io.jswarm.api.node.NodeStatus;
import io.jswarm.api.node.Platform;
import io.jswarm.api.service.EndpointSpec;
import io.jswarm.api.service.Service;
import io.jswarm.api.service.ServiceMode;
import io.jswarm.api.service.ServiceSpec;
import io.jswarm.api.task.ContainerSpec;
import io.jswarm.api.task.Placement;
import io.jswarm.api.task.PlacementPreference;
import io.jswarm.api.task.ResourceRequirements;
import io.jswarm.api.task.Resources;
import io.jswarm.api.task.RestartPolicy;
import io.jswarm.api.task.Task;
import io.jswarm.api.task.TaskSpec;
import io.jswarm.api.task.TaskState;
import io.jswarm.api.task.TaskStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Realistic, complete model objects for scheduler tests, with one-line variations. */
public final class Fixtures {
    public static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    public static final long GIB = 1L << 30;
    public static final long CPU = 1_000_000_000L;

    private Fixtures() {}

    // ---- nodes ----

    /** A READY, ACTIVE linux/amd64 worker with 4 CPUs and 8 GiB, hostname = id. */
    public static Node node(String id) {
        return new Node(id, Meta.created(1, T0),
                new NodeSpec(NodeRole.WORKER, Availability.ACTIVE, Map.of()),
                new NodeDescription(id, new Platform("linux", "amd64"), new NodeResources(4 * CPU, 8 * GIB), "test"),
                new NodeStatus(NodeState.READY, null, "127.0.0.1"), null);
    }

    public static Node withLabels(Node n, Map<String, String> labels) {
        return new Node(n.id(), n.meta(), new NodeSpec(n.spec().role(), n.spec().availability(), labels),
                n.description(), n.status(), n.managerStatus());
    }

    public static Node withAvailability(Node n, Availability a) {
        return new Node(n.id(), n.meta(), new NodeSpec(n.spec().role(), a, n.spec().labels()),
                n.description(), n.status(), n.managerStatus());
    }

    public static Node withRole(Node n, NodeRole r) {
        return new Node(n.id(), n.meta(), new NodeSpec(r, n.spec().availability(), n.spec().labels()),
                n.description(), n.status(), n.managerStatus());
    }

    public static Node withState(Node n, NodeState s) {
        return new Node(n.id(), n.meta(), n.spec(), n.description(), new NodeStatus(s, null, "127.0.0.1"), n.managerStatus());
    }

    public static Node withResources(Node n, long nanoCpus, long memoryBytes) {
        NodeDescription d = n.description();
        return new Node(n.id(), n.meta(), n.spec(),
                new NodeDescription(d.hostname(), d.platform(), new NodeResources(nanoCpus, memoryBytes), d.version()),
                n.status(), n.managerStatus());
    }

    public static Node withPlatform(Node n, String os, String arch) {
        NodeDescription d = n.description();
        return new Node(n.id(), n.meta(), n.spec(),
                new NodeDescription(d.hostname(), new Platform(os, arch), d.resources(), d.version()),
                n.status(), n.managerStatus());
    }

    // ---- specs and services ----

    public static TaskSpec spec() {
        return TaskSpec.of(ContainerSpec.of("busybox"));
    }

    public static TaskSpec withConstraints(TaskSpec s, String... constraints) {
        Placement p = s.placement();
        return new TaskSpec(s.container(), s.resources(), s.restartPolicy(),
                new Placement(List.of(constraints), p.preferences(), p.maxReplicasPerNode()), s.networks(), s.forceUpdate());
    }

    public static TaskSpec withPreferences(TaskSpec s, String... spreads) {
        Placement p = s.placement();
        return new TaskSpec(s.container(), s.resources(), s.restartPolicy(),
                new Placement(p.constraints(), java.util.Arrays.stream(spreads).map(PlacementPreference::new).toList(),
                        p.maxReplicasPerNode()), s.networks(), s.forceUpdate());
    }

    public static TaskSpec withMaxPerNode(TaskSpec s, Integer max) {
        Placement p = s.placement();
        return new TaskSpec(s.container(), s.resources(), s.restartPolicy(),
                new Placement(p.constraints(), p.preferences(), max), s.networks(), s.forceUpdate());
    }

    public static TaskSpec withReservations(TaskSpec s, Long nanoCpus, Long memoryBytes) {
        return new TaskSpec(s.container(),
                new ResourceRequirements(Resources.NONE, new Resources(nanoCpus, memoryBytes, null)),
                s.restartPolicy(), s.placement(), s.networks(), s.forceUpdate());
    }

    public static TaskSpec withRestart(TaskSpec s, RestartPolicy policy) {
        return new TaskSpec(s.container(), s.resources(), policy, s.placement(), s.networks(), s.forceUpdate());
    }

    public static Service service(String id, ServiceMode mode, TaskSpec spec) {
        return service(id, mode, spec, EndpointSpec.NONE, Map.of());
    }

    public static Service service(String id, ServiceMode mode, TaskSpec spec, EndpointSpec endpoint, Map<String, String> labels) {
        return new Service(id, Meta.created(7, T0), new ServiceSpec(id, labels, spec, mode, null, null, endpoint), null);
    }

    public static Service replicated(String id, int replicas) {
        return service(id, new ServiceMode.Replicated(replicas), spec());
    }

    // ---- tasks ----

    /** A task of {@code svc} created at {@code created}, in {@code state} since {@code created + 1s}. */
    public static Task task(String id, Service svc, int slot, String nodeId, TaskState state, TaskState desired, Instant created) {
        return new Task(id, Meta.created(2, created), svc.id(), slot, nodeId, svc.spec().task(), svc.version(), desired,
                TaskStatus.of(state, created.plusSeconds(1), state.name().toLowerCase()));
    }

    public static Task running(String id, Service svc, int slot, String nodeId) {
        return task(id, svc, slot, nodeId, TaskState.RUNNING, TaskState.RUNNING, T0);
    }

    public static Task pending(String id, Service svc, int slot) {
        return task(id, svc, slot, null, TaskState.PENDING, TaskState.RUNNING, T0);
    }

    /** A stopped task whose status says it stopped at {@code stoppedAt}. */
    public static Task stopped(String id, Service svc, int slot, String nodeId, TaskState state, Instant created, Instant stoppedAt) {
        Task t = task(id, svc, slot, nodeId, state, TaskState.RUNNING, created);
        return new Task(t.id(), t.meta(), t.serviceId(), t.slot(), t.nodeId(), t.spec(), t.serviceVersion(), t.desiredState(),
                TaskStatus.of(state, stoppedAt, "stopped"));
    }

    public static Instant at(long seconds) {
        return T0.plus(Duration.ofSeconds(seconds));
    }
}
