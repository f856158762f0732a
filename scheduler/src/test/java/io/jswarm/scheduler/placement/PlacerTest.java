package io.jswarm.scheduler.placement;

import static io.jswarm.scheduler.Fixtures.GIB;
import static io.jswarm.scheduler.Fixtures.T0;
import static io.jswarm.scheduler.Fixtures.at;
import static io.jswarm.scheduler.Fixtures.node;
import static io.jswarm.scheduler.Fixtures.pending;
import static io.jswarm.scheduler.Fixtures.replicated;
import static io.jswarm.scheduler.Fixtures.running;
import static io.jswarm.scheduler.Fixtures.service;
import static io.jswarm.scheduler.Fixtures.spec;
import static io.jswarm.scheduler.Fixtures.stopped;
import static io.jswarm.scheduler.Fixtures.task;
import static io.jswarm.scheduler.Fixtures.withAvailability;
import static io.jswarm.scheduler.Fixtures.withConstraints;
import static io.jswarm.scheduler.Fixtures.withLabels;
import static io.jswarm.scheduler.Fixtures.withMaxPerNode;
import static io.jswarm.scheduler.Fixtures.withPreferences;
import static io.jswarm.scheduler.Fixtures.withReservations;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jswarm.api.node.Availability;
import io.jswarm.api.node.Node;
import io.jswarm.api.service.EndpointSpec;
import io.jswarm.api.service.PortConfig;
import io.jswarm.api.service.Protocol;
import io.jswarm.api.service.PublishMode;
import io.jswarm.api.service.Service;
import io.jswarm.api.service.ServiceMode;
import io.jswarm.api.task.Task;
import io.jswarm.api.task.TaskSpec;
import io.jswarm.api.task.TaskState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PlacerTest {

    private static PlacementResult place(List<Node> nodes, List<Service> services, List<Task> existing, List<Task> toPlace,
            Instant now) {
        Map<String, Service> byId = services.stream().collect(Collectors.toMap(Service::id, s -> s));
        return new Placer().place(new PlacementRequest(nodes, byId, existing, toPlace, now));
    }

    private static List<Task> pendingTasks(Service s, int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> pending(s.id() + "." + i, s, i)).toList();
    }

    /** node id → how many tasks it got. */
    private static Map<String, Long> perNode(PlacementResult r) {
        return r.assignments().values().stream().collect(Collectors.groupingBy(n -> n, TreeMap::new, Collectors.counting()));
    }

    private static List<Node> nodes(String... ids) {
        return java.util.Arrays.stream(ids).map(id -> node(id)).toList();
    }

    @Test
    void spreadsEvenlyAndPrefersEmptierNodes() {
        Service web = replicated("web", 5);
        Service other = replicated("other", 1);
        List<Task> existing = List.of(running("o1", other, 1, "n1"));
        PlacementResult r = place(nodes("n1", "n2", "n3"), List.of(web, other), existing, pendingTasks(web, 5), T0);
        assertEquals(Map.of("n1", 1L, "n2", 2L, "n3", 2L), perNode(r));
        assertTrue(r.unplaced().isEmpty());
    }

    @Test
    void spreadsPerServiceBeforeTotal() {
        Service a = replicated("a", 4);
        Service b = replicated("b", 2);
        // n1 is the busiest overall but has no task of b; n2 and n3 each already run one b.
        List<Task> existing = List.of(running("a1", a, 1, "n1"), running("a2", a, 2, "n1"), running("a3", a, 3, "n1"),
                running("b1", b, 1, "n2"), running("b2", b, 2, "n3"));
        PlacementResult r = place(nodes("n1", "n2", "n3"), List.of(a, b), existing, List.of(pending("b3", b, 3)), T0);
        assertEquals("n1", r.assignments().get("b3"));
    }

    @Test
    void preferenceSpreadsOverLabelValuesNotNodes() {
        List<Node> ns = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ns.add(withLabels(node("a" + i), Map.of("zone", "a")));
        }
        ns.add(withLabels(node("b0"), Map.of("zone", "b")));
        Service s = service("s", new ServiceMode.Replicated(10), withPreferences(spec(), "node.labels.zone"));
        PlacementResult r = place(ns, List.of(s), List.of(), pendingTasks(s, 10), T0);
        assertEquals(Map.of("a0", 2L, "a1", 1L, "a2", 1L, "a3", 1L, "b0", 5L), perNode(r));
    }

    @Test
    void nodesWithoutTheLabelFormOneMoreGroupAndPreferencesNest() {
        List<Node> ns = List.of(
                withLabels(node("n1"), Map.of("zone", "a", "rack", "1")),
                withLabels(node("n2"), Map.of("zone", "a", "rack", "1")),
                withLabels(node("n3"), Map.of("zone", "a", "rack", "2")),
                withLabels(node("n4"), Map.of("zone", "b", "rack", "1")),
                node("n5"));
        Service s = service("s", new ServiceMode.Replicated(12),
                withPreferences(spec(), "node.labels.zone", "node.labels.rack"));
        PlacementResult r = place(ns, List.of(s), List.of(), pendingTasks(s, 12), T0);
        // 4 per zone ("", a, b); in zone a, 2 per rack: rack 1 shares its 2 over n1 and n2.
        assertEquals(Map.of("n1", 1L, "n2", 1L, "n3", 2L, "n4", 4L, "n5", 4L), perNode(r));
    }

    @Test
    void binpackFillsTheFullestNodeThatFits() {
        Service s = service("s", new ServiceMode.Replicated(10), withReservations(spec(), null, GIB), EndpointSpec.NONE,
                Map.of(PlacementOptions.STRATEGY_LABEL, "binpack"));
        PlacementResult r = place(nodes("n1", "n2", "n3"), List.of(s), List.of(), pendingTasks(s, 10), T0);
        assertEquals(Map.of("n1", 8L, "n2", 2L), perNode(r));
    }

    @Test
    void avoidsANodeThatKeepsFailingTheServiceUntilTheFailuresAgeOut() {
        Service s = replicated("s", 2);
        Service busy = replicated("busy", 1);
        List<Task> existing = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            existing.add(stopped("f" + i, s, 1, "n1", TaskState.FAILED, at(i), at(i + 1)));
        }
        existing.add(running("x1", busy, 1, "n2"));
        existing.add(running("x2", busy, 1, "n2"));
        List<Task> one = List.of(pending("s.9", s, 9));
        assertEquals("n2", place(nodes("n1", "n2"), List.of(s, busy), existing, one, at(60)).assignments().get("s.9"));
        // Six minutes later the failures are outside the 5-minute window: n1 (emptier) wins again.
        assertEquals("n1", place(nodes("n1", "n2"), List.of(s, busy), existing, one, at(360)).assignments().get("s.9"));
        // Avoided is a last resort, not a ban.
        assertEquals("n1", place(nodes("n1"), List.of(s, busy), existing, one, at(60)).assignments().get("s.9"));
    }

    @Test
    void hostPortsNeverShareANode() {
        Service s = service("p", new ServiceMode.Replicated(3), spec(),
                new EndpointSpec(null, List.of(new PortConfig(null, Protocol.TCP, 80, 8080, PublishMode.HOST))), Map.of());
        PlacementResult r = place(nodes("n1", "n2"), List.of(s), List.of(), pendingTasks(s, 3), T0);
        assertEquals(Map.of("n1", 1L, "n2", 1L), perNode(r));
        assertEquals(Map.of("p.3", "no suitable node (host port 8080/tcp already in use on 2 nodes)"), r.unplaced());
    }

    @Test
    void respectsMaxReplicasPerNodeAndSaysWhy() {
        Service s = service("s", new ServiceMode.Replicated(3), withMaxPerNode(spec(), 1));
        PlacementResult r = place(nodes("n1", "n2"), List.of(s), List.of(), pendingTasks(s, 3), T0);
        assertEquals(2, r.assignments().size());
        assertEquals(Map.of("s.3", "no suitable node (max replicas per node (1) reached on 2 nodes)"), r.unplaced());
    }

    @Test
    void countsOnlyLiveAssignedTasksAgainstCapacity() {
        Service big = service("big", new ServiceMode.Replicated(1), withReservations(spec(), null, 7 * GIB));
        Service s = service("s", new ServiceMode.Replicated(1), withReservations(spec(), null, 2 * GIB));
        List<Task> existing = List.of(
                running("b1", big, 1, "n1"), // holds 7 GiB on n1
                stopped("b2", big, 2, "n2", TaskState.FAILED, T0, T0), // stopped: holds nothing
                task("b3", big, 3, "n2", TaskState.PENDING, TaskState.RUNNING, T0)); // not yet assigned: nothing
        PlacementResult r = place(nodes("n1", "n2"), List.of(big, s), existing, List.of(pending("s.1", s, 1)), T0);
        assertEquals(Map.of("s.1", "n2"), r.assignments());
    }

    @Test
    void explainsWhyNothingFits() {
        Service big = service("big", new ServiceMode.Replicated(1), withReservations(spec(), null, 7 * GIB));
        Service s = service("s", new ServiceMode.Replicated(1), withReservations(spec(), null, 2 * GIB));
        List<Node> ns = List.of(node("n1"), node("n2"), withAvailability(node("n3"), Availability.DRAIN));
        List<Task> existing = List.of(running("b1", big, 1, "n1"), running("b2", big, 2, "n2"));
        PlacementResult r = place(ns, List.of(big, s), existing, List.of(pending("s.1", s, 1)), T0);
        assertEquals(Map.of("s.1", "no suitable node (insufficient memory on 2 nodes; 1 node drained)"), r.unplaced());
    }

    @Test
    void constraintsChooseTheNodes() {
        List<Node> ns = List.of(withLabels(node("n1"), Map.of("zone", "eu")), node("n2"), withLabels(node("n3"), Map.of("zone", "eu")));
        Service s = service("s", new ServiceMode.Replicated(4), withConstraints(spec(), "node.labels.zone==eu"));
        PlacementResult r = place(ns, List.of(s), List.of(), pendingTasks(s, 4), T0);
        assertEquals(Map.of("n1", 2L, "n3", 2L), perNode(r));
    }

    @Test
    void globalTasksGoOnlyToTheirNode() {
        Service g = service("g", new ServiceMode.Global(), spec());
        List<Node> ns = List.of(node("n1"), node("n2"), withAvailability(node("n3"), Availability.DRAIN));
        List<Task> toPlace = List.of(task("g.n2", g, 0, "n2", TaskState.PENDING, TaskState.RUNNING, T0),
                task("g.n3", g, 0, "n3", TaskState.PENDING, TaskState.RUNNING, T0),
                task("g.gone", g, 0, "gone", TaskState.PENDING, TaskState.RUNNING, T0));
        PlacementResult r = place(ns, List.of(g), List.of(), toPlace, T0);
        assertEquals(Map.of("g.n2", "n2"), r.assignments());
        assertEquals(Map.of("g.n3", "no suitable node (1 node drained)",
                "g.gone", "no suitable node (node gone is not in the cluster)"), r.unplaced());
    }

    @Test
    void aBadConstraintIsExplainedNotThrown() {
        TaskSpec bad = withConstraints(spec(), "node.colour==red");
        Service s = service("s", new ServiceMode.Replicated(1), bad);
        PlacementResult r = place(nodes("n1"), List.of(s), List.of(), pendingTasks(s, 1), T0);
        assertTrue(r.unplaced().get("s.1").startsWith("invalid placement: constraint \"node.colour==red\": unknown key"),
                r.unplaced().toString());
    }

    @Test
    void theResultBecomesTaskRecordsAndAnUnchangedExplanationIsNotRewritten() {
        Service s = service("s", new ServiceMode.Replicated(2), withMaxPerNode(spec(), 1));
        List<Task> toPlace = pendingTasks(s, 2);
        PlacementResult r = place(nodes("n1"), List.of(s), List.of(), toPlace, T0);
        List<Task> written = r.applyTo(toPlace, at(5));
        assertEquals(2, written.size());
        assertEquals(TaskState.ASSIGNED, written.get(0).status().state());
        assertEquals("n1", written.get(0).nodeId());
        assertEquals(TaskState.PENDING, written.get(1).status().state());
        assertEquals("no suitable node (max replicas per node (1) reached on 1 node)", written.get(1).status().message());
        // next pass over the same cluster: the pending task already carries the explanation
        List<Task> again = List.of(written.get(1));
        PlacementResult r2 = place(nodes("n1"), List.of(s), List.of(written.get(0)), again, at(6));
        assertEquals(List.of(), r2.applyTo(again, at(6)));
    }

    @Test
    void aFullPreferenceBranchPassesItsShareToTheOthers() {
        List<Node> ns = List.of(withLabels(node("a1"), Map.of("zone", "a")),
                withLabels(node("b1"), Map.of("zone", "b")), withLabels(node("b2"), Map.of("zone", "b")),
                withLabels(node("b3"), Map.of("zone", "b")));
        Service s = service("s", new ServiceMode.Replicated(4), withMaxPerNode(withPreferences(spec(), "node.labels.zone"), 1));
        PlacementResult r = place(ns, List.of(s), List.of(), pendingTasks(s, 4), T0);
        assertEquals(Map.of("a1", 1L, "b1", 1L, "b2", 1L, "b3", 1L), perNode(r));
        assertTrue(r.unplaced().isEmpty());
    }
}
