package io.jswarm.scheduler.placement;

import static io.jswarm.scheduler.Fixtures.CPU;
import static io.jswarm.scheduler.Fixtures.GIB;
import static io.jswarm.scheduler.Fixtures.node;
import static io.jswarm.scheduler.Fixtures.replicated;
import static io.jswarm.scheduler.Fixtures.running;
import static io.jswarm.scheduler.Fixtures.service;
import static io.jswarm.scheduler.Fixtures.spec;
import static io.jswarm.scheduler.Fixtures.withAvailability;
import static io.jswarm.scheduler.Fixtures.withLabels;
import static io.jswarm.scheduler.Fixtures.withPlatform;
import static io.jswarm.scheduler.Fixtures.withReservations;
import static io.jswarm.scheduler.Fixtures.withRole;
import static io.jswarm.scheduler.Fixtures.withState;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jswarm.api.node.Availability;
import io.jswarm.api.node.Node;
import io.jswarm.api.node.NodeRole;
import io.jswarm.api.node.NodeState;
import io.jswarm.api.service.EndpointSpec;
import io.jswarm.api.service.PortConfig;
import io.jswarm.api.service.Protocol;
import io.jswarm.api.service.PublishMode;
import io.jswarm.api.service.Service;
import io.jswarm.api.service.ServiceMode;
import io.jswarm.api.task.Task;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every filter: which nodes it accepts and rejects, and how it explains 1 and 3 rejections. */
class FiltersTest {
    private static final Node BASE = node("n1");
    private static final Service WEB = replicated("web", 3);
    private static final Service PORT_8080 = service("p", new ServiceMode.Replicated(1), spec(),
            new EndpointSpec(null, List.of(new PortConfig(null, Protocol.TCP, 80, 8080, PublishMode.HOST))), Map.of());

    /** A node that already runs {@code tasks}. */
    private static NodeInfo info(Node n, Task... tasks) {
        NodeInfo info = new NodeInfo(0, n);
        for (Task t : tasks) {
            info.add(t, HostPorts.of(t.serviceId().equals("p") ? PORT_8080 : null));
        }
        return info;
    }

    private static Task reserving(String id, Long cpus, Long mem) {
        Service s = service("big", new ServiceMode.Replicated(1), withReservations(spec(), cpus, mem));
        return running(id, s, 1, "n1");
    }

    private static Filter constraint(String... c) {
        return new ConstraintFilter(ConstraintSet.parse(List.of(c)));
    }

    static Stream<Arguments> table() {
        Node eu = withLabels(BASE, Map.of("zone", "eu-1", "disk", "ssd"));
        return Stream.of(
                // name, filter, accepted node, rejected node, explain(1), explain(3)
                row("ready", new NodeReadyFilter(), info(BASE), info(withState(BASE, NodeState.DOWN)),
                        "1 node not ready", "3 nodes not ready"),
                row("ready: disconnected is not ready", new NodeReadyFilter(), info(BASE),
                        info(withState(BASE, NodeState.DISCONNECTED)), "1 node not ready", "3 nodes not ready"),
                row("drain", new AvailabilityFilter(Availability.DRAIN), info(withAvailability(BASE, Availability.PAUSE)),
                        info(withAvailability(BASE, Availability.DRAIN)), "1 node drained", "3 nodes drained"),
                row("pause", new AvailabilityFilter(Availability.PAUSE), info(BASE),
                        info(withAvailability(BASE, Availability.PAUSE)), "1 node paused", "3 nodes paused"),
                row("memory: 8 GiB node, 6 GiB reserved, wants 2 GiB fits; 3 GiB does not",
                        ReservationFilter.memory(2 * GIB), info(BASE, reserving("a", null, 6 * GIB)),
                        info(BASE, reserving("a", null, 6 * GIB), reserving("b", null, GIB)),
                        "insufficient memory on 1 node", "insufficient memory on 3 nodes"),
                row("cpu", ReservationFilter.cpu(CPU / 2), info(BASE, reserving("a", 3 * CPU + CPU / 2, null)),
                        info(BASE, reserving("a", 4 * CPU, null)),
                        "insufficient CPU (0.5 reserved per task) on 1 node", "insufficient CPU (0.5 reserved per task) on 3 nodes"),
                row("constraint on a label", constraint("node.labels.zone==eu-1"), info(eu), info(BASE),
                        "constraint node.labels.zone==eu-1 not satisfied on 1 node",
                        "constraint node.labels.zone==eu-1 not satisfied on 3 nodes"),
                row("constraint != on a missing label holds", constraint("node.labels.zone!=eu-1"), info(BASE), info(eu),
                        "constraint node.labels.zone!=eu-1 not satisfied on 1 node",
                        "constraint node.labels.zone!=eu-1 not satisfied on 3 nodes"),
                row("several constraints", constraint("node.labels.zone==EU-1", "node.labels.disk in (ssd, nvme)"),
                        info(eu), info(withLabels(BASE, Map.of("zone", "eu-1", "disk", "hdd"))),
                        "constraints not satisfied on 1 node", "constraints not satisfied on 3 nodes"),
                row("constraint on role", constraint("node.role==manager"), info(withRole(BASE, NodeRole.MANAGER)), info(BASE),
                        "constraint node.role==manager not satisfied on 1 node",
                        "constraint node.role==manager not satisfied on 3 nodes"),
                row("constraint on id and hostname", constraint("node.id==n1", "node.hostname=~^n[0-9]$"), info(BASE),
                        info(node("n12")), "constraints not satisfied on 1 node", "constraints not satisfied on 3 nodes"),
                row("constraint on platform", constraint("node.platform.os==linux", "node.platform.arch!=arm64"), info(BASE),
                        info(withPlatform(BASE, "linux", "arm64")),
                        "constraints not satisfied on 1 node", "constraints not satisfied on 3 nodes"),
                row("host port", new HostPortFilter(HostPorts.of(PORT_8080)), info(BASE, running("w1", WEB, 1, "n1")),
                        info(BASE, running("p1", PORT_8080, 1, "n1")),
                        "host port 8080/tcp already in use on 1 node", "host port 8080/tcp already in use on 3 nodes"),
                row("max replicas per node", new MaxReplicasFilter("web", 2), info(BASE, running("w1", WEB, 1, "n1")),
                        info(BASE, running("w1", WEB, 1, "n1"), running("w2", WEB, 2, "n1")),
                        "max replicas per node (2) reached on 1 node", "max replicas per node (2) reached on 3 nodes"));
    }

    private static Arguments row(String name, Filter f, NodeInfo ok, NodeInfo rejected, String one, String three) {
        return Arguments.of(name, f, ok, rejected, one, three);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void checksAndExplains(String name, Filter filter, NodeInfo ok, NodeInfo rejected, String one, String three) {
        assertEquals(true, filter.check(ok), name + ": should accept");
        assertEquals(false, filter.check(rejected), name + ": should reject");
        assertEquals(one, filter.explain(1));
        assertEquals(three, filter.explain(3));
    }

    static Stream<Arguments> pipelineExplanations() {
        Function<Node, NodeInfo> plain = n -> new NodeInfo(0, n);
        Node full = node("full");
        NodeInfo fullInfo = plain.apply(full);
        fullInfo.add(reserving("x", null, 7 * GIB), new long[0]);
        NodeInfo fullInfo2 = new NodeInfo(1, node("full2"));
        fullInfo2.add(reserving("y", null, 8 * GIB), new long[0]);
        return Stream.of(
                Arguments.of(List.of(fullInfo, fullInfo2, plain.apply(withAvailability(node("d"), Availability.DRAIN))),
                        "no suitable node (insufficient memory on 2 nodes; 1 node drained)"),
                Arguments.of(List.of(plain.apply(withState(node("a"), NodeState.DOWN)),
                                plain.apply(withAvailability(withState(node("b"), NodeState.DOWN), Availability.DRAIN)),
                                plain.apply(withAvailability(node("c"), Availability.PAUSE))),
                        // each node is charged to the first filter that rejects it
                        "no suitable node (2 nodes not ready; 1 node paused)"),
                Arguments.of(List.of(), "no suitable node (no nodes in the cluster)"));
    }

    @ParameterizedTest
    @MethodSource("pipelineExplanations")
    void pipelineListsReasonsMostCommonFirst(List<NodeInfo> nodes, String expected) {
        Pipeline p = Pipeline.forTasks("big", withReservations(spec(), null, 2 * GIB), new long[0]);
        assertEquals(expected, p.explain(nodes));
    }
}
