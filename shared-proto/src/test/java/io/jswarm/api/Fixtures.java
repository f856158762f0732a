package io.jswarm.api;

import io.jswarm.api.node.Availability;
import io.jswarm.api.node.ManagerStatus;
import io.jswarm.api.node.Node;
import io.jswarm.api.node.NodeDescription;
import io.jswarm.api.node.NodeResources;
import io.jswarm.api.node.NodeRole;
import io.jswarm.api.node.NodeSpec;
import io.jswarm.api.node.NodeState;
import io.jswarm.api.node.NodeStatus;
import io.jswarm.api.node.Platform;
import io.jswarm.api.node.Reachability;
import io.jswarm.api.service.EndpointMode;
import io.jswarm.api.service.EndpointSpec;
import io.jswarm.api.service.FailureAction;
import io.jswarm.api.service.PortConfig;
import io.jswarm.api.service.Protocol;
import io.jswarm.api.service.PublishMode;
import io.jswarm.api.service.Service;
import io.jswarm.api.service.ServiceMode;
import io.jswarm.api.service.ServiceSpec;
import io.jswarm.api.service.UpdateConfig;
import io.jswarm.api.service.UpdateOrder;
import io.jswarm.api.task.ContainerSpec;
import io.jswarm.api.task.ContainerStatus;
import io.jswarm.api.task.HealthConfig;
import io.jswarm.api.task.HealthState;
import io.jswarm.api.task.Mount;
import io.jswarm.api.task.MountType;
import io.jswarm.api.task.NetworkAttachment;
import io.jswarm.api.task.Placement;
import io.jswarm.api.task.PlacementPreference;
import io.jswarm.api.task.ResourceRequirements;
import io.jswarm.api.task.Resources;
import io.jswarm.api.task.RestartCondition;
import io.jswarm.api.task.RestartPolicy;
import io.jswarm.api.task.Task;
import io.jswarm.api.task.TaskSpec;
import io.jswarm.api.task.TaskState;
import io.jswarm.api.task.TaskStatus;
import io.jswarm.api.task.Ulimit;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Fully populated model objects: every field set, so a round trip that drops one shows. */
public final class Fixtures {
    private Fixtures() {}

    public static final Instant T0 = Instant.parse("2026-11-25T10:15:30.123456789Z");

    public static ContainerSpec container() {
        return new ContainerSpec("registry.local:5000/team/web:1.4",
                List.of("/bin/sh", "-c"), List.of("httpd -f -p 80"), List.of("A=1", "B=two words"),
                "1000:1000", "/srv", "web-host", Map.of("tier", "front", "owner", "team-a"),
                List.of(new Mount(MountType.BIND, "/var/data", "/data", true, null),
                        new Mount(MountType.VOLUME, "cache", "/cache", false, null),
                        new Mount(MountType.TMPFS, null, "/run", false, 64L << 20)),
                new HealthConfig(List.of("CMD-SHELL", "wget -q -O- localhost"), Duration.ofSeconds(5),
                        Duration.ofMillis(1500), 3, Duration.ofSeconds(10)),
                "SIGQUIT", Duration.ofSeconds(20), true, Boolean.TRUE, List.of("NET_ADMIN"), List.of("MKNOD"),
                Map.of("net.core.somaxconn", "1024"), List.of(new Ulimit("nofile", 1024, 4096)),
                List.of("10.0.0.5 db"), List.of("10.0.0.2"));
    }

    public static TaskSpec taskSpec() {
        return new TaskSpec(container(),
                new ResourceRequirements(new Resources(500_000_000L, 128L << 20, 100L), new Resources(250_000_000L, 64L << 20, null)),
                new RestartPolicy(RestartCondition.ON_FAILURE, Duration.ofSeconds(3), 5, Duration.ofMinutes(2)),
                new Placement(List.of("node.labels.zone==eu", "node.role!=manager"),
                        List.of(new PlacementPreference("node.labels.rack")), 2),
                List.of(new NetworkAttachment("backend", List.of("web", "www"))), 7);
    }

    public static ServiceSpec serviceSpec() {
        return new ServiceSpec("web", Map.of("com.docker.stack.namespace", "shop"), taskSpec(),
                new ServiceMode.Replicated(3),
                new UpdateConfig(2, Duration.ofSeconds(10), FailureAction.ROLLBACK, Duration.ofSeconds(30), 0.25, UpdateOrder.START_FIRST),
                new UpdateConfig(1, Duration.ZERO, FailureAction.PAUSE, Duration.ofSeconds(5), 0, UpdateOrder.STOP_FIRST),
                new EndpointSpec(EndpointMode.VIP, List.of(
                        new PortConfig("http", Protocol.TCP, 80, 8080, PublishMode.HOST),
                        new PortConfig(null, Protocol.UDP, 53, null, PublishMode.INGRESS))));
    }

    public static Service service() {
        return new Service("svc1", new Meta(42, T0, T0.plusSeconds(5)), serviceSpec(), serviceSpec());
    }

    public static Node node() {
        return new Node("node1", Meta.created(7, T0),
                new NodeSpec(NodeRole.MANAGER, Availability.DRAIN, Map.of("zone", "eu")),
                new NodeDescription("host-a", new Platform("linux", "amd64"), new NodeResources(2_000_000_000L, 24L << 30), "0.1.0"),
                new NodeStatus(NodeState.READY, "heartbeat ok", "10.0.0.1:2377"),
                new ManagerStatus(true, Reachability.REACHABLE, "10.0.0.1:2378"));
    }

    public static Task task() {
        return new Task("task1", Meta.created(9, T0), "svc1", 2, "node1", taskSpec(), 42, TaskState.RUNNING,
                new TaskStatus(TaskState.RUNNING, T0, "started", null, new ContainerStatus("c0ffee", 4242, null), HealthState.HEALTHY));
    }
}
