package io.jswarm.scheduler.placement;

import static io.jswarm.scheduler.Fixtures.CPU;
import static io.jswarm.scheduler.Fixtures.T0;
import static io.jswarm.scheduler.Fixtures.node;
import static io.jswarm.scheduler.Fixtures.pending;
import static io.jswarm.scheduler.Fixtures.service;
import static io.jswarm.scheduler.Fixtures.spec;
import static io.jswarm.scheduler.Fixtures.withAvailability;
import static io.jswarm.scheduler.Fixtures.withConstraints;
import static io.jswarm.scheduler.Fixtures.withLabels;
import static io.jswarm.scheduler.Fixtures.withMaxPerNode;
import static io.jswarm.scheduler.Fixtures.withPreferences;
import static io.jswarm.scheduler.Fixtures.withReservations;
import static io.jswarm.scheduler.Fixtures.withResources;
import static io.jswarm.scheduler.Fixtures.withState;

import io.jswarm.api.node.Availability;
import io.jswarm.api.node.Node;
import io.jswarm.api.node.NodeState;
import io.jswarm.api.service.EndpointSpec;
import io.jswarm.api.service.PortConfig;
import io.jswarm.api.service.Protocol;
import io.jswarm.api.service.PublishMode;
import io.jswarm.api.service.Service;
import io.jswarm.api.service.ServiceMode;
import io.jswarm.api.task.Task;
import io.jswarm.api.task.TaskSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Invariants of placement over random clusters and services. Each generated service remembers
 * what it asked for ({@link Ask}) so the checks below do not reuse the code under test.
 */
class PlacementProperties {
    private static final List<String> ZONES = List.of("a", "b", "c");
    private static final long MIB = 1L << 20;

    /** What a random service asks for, in plain terms the checks can evaluate on their own. */
    record Ask(String id, int replicas, Long cpu, Long memory, String zoneEq, String zoneNe, Integer maxPerNode,
            Integer hostPort, boolean spreadZones, boolean binpack) {}

    record Case(List<Node> nodes, List<Ask> asks) {}

    @Provide
    Arbitrary<Node> nodes() {
        Arbitrary<String> zone = Arbitraries.of("a", "b", "c", "");
        Arbitrary<NodeState> state = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, Arbitraries.just(NodeState.READY)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(NodeState.DOWN)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(NodeState.DISCONNECTED)));
        Arbitrary<Availability> availability = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, Arbitraries.just(Availability.ACTIVE)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(Availability.PAUSE)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(Availability.DRAIN)));
        return Combinators.combine(Arbitraries.integers().between(0, 9999), zone, state, availability,
                Arbitraries.integers().between(1, 8), Arbitraries.integers().between(1, 16))
                .as((id, z, s, a, cpus, gib) -> {
                    Node n = withResources(node(String.format("node-%04d", id)), cpus * CPU, gib * 512 * MIB);
                    n = z.isEmpty() ? n : withLabels(n, Map.of("zone", z));
                    return withAvailability(withState(n, s), a);
                });
    }

    @Provide
    Arbitrary<Ask> asks() {
        Arbitrary<Long> cpu = Arbitraries.of(0L, CPU / 4, CPU / 2, CPU, 2 * CPU).map(v -> v == 0 ? null : v);
        Arbitrary<Long> mem = Arbitraries.of(0L, 128 * MIB, 512 * MIB, 1024 * MIB).map(v -> v == 0 ? null : v);
        Arbitrary<String> zoneOrNone = Arbitraries.of("a", "b", "c", "").map(z -> z.isEmpty() ? null : z);
        Arbitrary<Integer> max = Arbitraries.integers().between(0, 3).map(v -> v == 0 ? null : v);
        Arbitrary<Integer> port = Arbitraries.of(0, 8080, 9090).map(v -> v == 0 ? null : v);
        return Combinators.combine(Arbitraries.strings().alpha().ofLength(6), Arbitraries.integers().between(1, 40),
                cpu, mem, zoneOrNone, zoneOrNone, max, port)
                .as((id, r, c, m, eq, ne, mx, p) -> new Ask("svc-" + id, r, c, m, eq, ne, mx, p, false, false))
                .flatMap(a -> Combinators.combine(Arbitraries.of(true, false), Arbitraries.of(true, false))
                        .as((spread, bin) -> new Ask(a.id(), a.replicas(), a.cpu(), a.memory(), a.zoneEq(), a.zoneNe(),
                                a.maxPerNode(), a.hostPort(), spread, bin)));
    }

    @Provide
    Arbitrary<Case> cases() {
        return Combinators.combine(
                nodes().list().ofMinSize(0).ofMaxSize(25).uniqueElements(Node::id),
                asks().list().ofMinSize(1).ofMaxSize(5).uniqueElements(Ask::id))
                .as(Case::new);
    }

    static Service toService(Ask a) {
        TaskSpec s = withReservations(spec(), a.cpu(), a.memory());
        List<String> constraints = new ArrayList<>();
        if (a.zoneEq() != null) {
            constraints.add("node.labels.zone==" + a.zoneEq());
        }
        if (a.zoneNe() != null) {
            constraints.add("node.labels.zone!=" + a.zoneNe());
        }
        s = withConstraints(s, constraints.toArray(String[]::new));
        s = withMaxPerNode(s, a.maxPerNode());
        if (a.spreadZones()) {
            s = withPreferences(s, "node.labels.zone");
        }
        EndpointSpec endpoint = a.hostPort() == null ? EndpointSpec.NONE
                : new EndpointSpec(null, List.of(new PortConfig(null, Protocol.TCP, 80, a.hostPort(), PublishMode.HOST)));
        Map<String, String> labels = a.binpack() ? Map.of(PlacementOptions.STRATEGY_LABEL, "binpack") : Map.of();
        return service(a.id(), new ServiceMode.Replicated(a.replicas()), s, endpoint, labels);
    }

    static PlacementRequest request(List<Node> nodes, List<Ask> asks) {
        Map<String, Service> services = new LinkedHashMap<>();
        List<Task> toPlace = new ArrayList<>();
        for (Ask a : asks) {
            Service s = toService(a);
            services.put(s.id(), s);
            for (int i = 1; i <= a.replicas(); i++) {
                toPlace.add(pending(s.id() + "." + i, s, i));
            }
        }
        return new PlacementRequest(nodes, services, List.of(), toPlace, T0);
    }

    private static String zone(Node n) {
        return n.spec().labels().get("zone");
    }

    /** ask id → node id → tasks placed there. */
    private static Map<String, Map<String, Integer>> counts(PlacementResult r) {
        Map<String, Map<String, Integer>> c = new TreeMap<>();
        r.assignments().forEach((task, node) ->
                c.computeIfAbsent(task.substring(0, task.lastIndexOf('.')), k -> new TreeMap<>()).merge(node, 1, Integer::sum));
        return c;
    }

    @Property(tries = 300)
    boolean everyTaskIsAssignedOrExplained(@ForAll("cases") Case c) {
        PlacementRequest req = request(c.nodes(), c.asks());
        PlacementResult r = new Placer().place(req);
        Set<String> seen = new HashSet<>(r.assignments().keySet());
        for (var e : r.unplaced().entrySet()) {
            if (!seen.add(e.getKey()) || !e.getValue().startsWith("no suitable node (")) {
                return false;
            }
        }
        return seen.size() == req.toPlace().size();
    }

    @Property(tries = 300)
    boolean constraintsReadinessAndAvailabilityAreNeverViolated(@ForAll("cases") Case c) {
        PlacementResult r = new Placer().place(request(c.nodes(), c.asks()));
        Map<String, Node> nodes = new HashMap<>();
        c.nodes().forEach(n -> nodes.put(n.id(), n));
        Map<String, Ask> asks = new HashMap<>();
        c.asks().forEach(a -> asks.put(a.id(), a));
        for (var e : r.assignments().entrySet()) {
            Ask a = asks.get(e.getKey().substring(0, e.getKey().lastIndexOf('.')));
            Node n = nodes.get(e.getValue());
            if (n.status().state() != NodeState.READY || n.spec().availability() != Availability.ACTIVE) {
                return false;
            }
            if (a.zoneEq() != null && !a.zoneEq().equals(zone(n))) {
                return false;
            }
            if (a.zoneNe() != null && a.zoneNe().equals(zone(n))) {
                return false;
            }
        }
        return true;
    }

    @Property(tries = 300)
    boolean reservationsNeverExceedCapacity(@ForAll("cases") Case c) {
        PlacementResult r = new Placer().place(request(c.nodes(), c.asks()));
        Map<String, Ask> asks = new HashMap<>();
        c.asks().forEach(a -> asks.put(a.id(), a));
        Map<String, long[]> used = new HashMap<>();
        r.assignments().forEach((task, node) -> {
            Ask a = asks.get(task.substring(0, task.lastIndexOf('.')));
            long[] u = used.computeIfAbsent(node, k -> new long[2]);
            u[0] += a.cpu() == null ? 0 : a.cpu();
            u[1] += a.memory() == null ? 0 : a.memory();
        });
        for (Node n : c.nodes()) {
            long[] u = used.getOrDefault(n.id(), new long[2]);
            if (u[0] > n.description().resources().nanoCpus() || u[1] > n.description().resources().memoryBytes()) {
                return false;
            }
        }
        return true;
    }

    @Property(tries = 300)
    boolean maxReplicasPerNodeAndHostPortsHold(@ForAll("cases") Case c) {
        PlacementResult r = new Placer().place(request(c.nodes(), c.asks()));
        Map<String, Ask> asks = new HashMap<>();
        c.asks().forEach(a -> asks.put(a.id(), a));
        for (var e : counts(r).entrySet()) {
            Ask a = asks.get(e.getKey());
            for (int n : e.getValue().values()) {
                if (a.maxPerNode() != null && n > a.maxPerNode()) {
                    return false;
                }
            }
        }
        Set<String> portOnNode = new HashSet<>();
        for (var e : r.assignments().entrySet()) {
            Ask a = asks.get(e.getKey().substring(0, e.getKey().lastIndexOf('.')));
            if (a.hostPort() != null && !portOnNode.add(e.getValue() + ":" + a.hostPort())) {
                return false;
            }
        }
        return true;
    }

    @Property(tries = 200)
    boolean sameInputSameOutputWhateverTheNodeOrder(@ForAll("cases") Case c, @ForAll long seed) {
        PlacementRequest req = request(c.nodes(), c.asks());
        List<Node> shuffled = new ArrayList<>(c.nodes());
        Collections.shuffle(shuffled, new Random(seed));
        PlacementRequest again = new PlacementRequest(shuffled, req.services(), req.tasks(), req.toPlace(), req.now());
        PlacementResult a = new Placer().place(req);
        PlacementResult b = new Placer().place(again);
        PlacementResult a2 = new Placer().place(req);
        return a.equals(b) && a.equals(a2)
                && new ArrayList<>(a.assignments().entrySet()).equals(new ArrayList<>(a2.assignments().entrySet()));
    }

    /** Spread on a uniform cluster: per service and in total, no node has 2 more tasks than another. */
    @Property(tries = 200)
    boolean spreadIsEven(@ForAll @IntRange(min = 1, max = 40) int nodeCount,
            @ForAll("replicaCounts") List<Integer> replicas) {
        List<Node> ns = new ArrayList<>();
        for (int i = 0; i < nodeCount; i++) {
            ns.add(node(String.format("n%03d", i)));
        }
        List<Ask> asks = new ArrayList<>();
        for (int s = 0; s < replicas.size(); s++) {
            asks.add(new Ask("s" + s, replicas.get(s), null, null, null, null, null, null, false, false));
        }
        PlacementResult r = new Placer().place(request(ns, asks));
        if (!r.unplaced().isEmpty()) {
            return false;
        }
        Map<String, Integer> total = new HashMap<>();
        for (Map<String, Integer> perNode : counts(r).values()) {
            if (spreadOver(perNode, ns.size()) > 1) {
                return false;
            }
            perNode.forEach((n, k) -> total.merge(n, k, Integer::sum));
        }
        return spreadOver(total, ns.size()) <= 1;
    }

    /** Placement preferences: the service's tasks differ by at most one between zones. */
    @Property(tries = 200)
    boolean preferencesSpreadEvenlyOverZones(@ForAll("zonedNodes") List<Node> ns, @ForAll @IntRange(min = 1, max = 60) int replicas) {
        Ask ask = new Ask("s", replicas, null, null, null, null, null, null, true, false);
        PlacementResult r = new Placer().place(request(ns, List.of(ask)));
        Map<String, String> zoneOf = new HashMap<>();
        ns.forEach(n -> zoneOf.put(n.id(), zone(n) == null ? "" : zone(n)));
        Map<String, Integer> perZone = new HashMap<>();
        r.assignments().values().forEach(n -> perZone.merge(zoneOf.get(n), 1, Integer::sum));
        return r.unplaced().isEmpty() && spreadOver(perZone, new HashSet<>(zoneOf.values()).size()) <= 1;
    }

    @Provide
    Arbitrary<List<Integer>> replicaCounts() {
        return Arbitraries.integers().between(1, 60).list().ofMinSize(1).ofMaxSize(6);
    }

    @Provide
    Arbitrary<List<Node>> zonedNodes() {
        return Arbitraries.integers().between(0, 999).set().ofMinSize(1).ofMaxSize(20).map(ids -> {
            List<Node> ns = new ArrayList<>();
            for (int id : ids) {
                String z = id % 4 == 3 ? null : ZONES.get(id % 3);
                Node n = node(String.format("n%03d", id));
                ns.add(z == null ? n : withLabels(n, Map.of("zone", z)));
            }
            return ns;
        });
    }

    /** max − min of the counts over {@code buckets} buckets (absent buckets count 0). */
    private static int spreadOver(Map<String, Integer> counts, int buckets) {
        int max = counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        int min = counts.size() < buckets ? 0 : counts.values().stream().mapToInt(Integer::intValue).min().orElse(0);
        return max - min;
    }
}
