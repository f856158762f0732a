package io.jswarm.bench.scheduler;

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
import io.jswarm.api.service.Service;
import io.jswarm.api.service.ServiceMode;
import io.jswarm.api.service.ServiceSpec;
import io.jswarm.api.task.ContainerSpec;
import io.jswarm.api.task.Placement;
import io.jswarm.api.task.Task;
import io.jswarm.api.task.TaskSpec;
import io.jswarm.api.task.TaskState;
import io.jswarm.api.task.TaskStatus;
import io.jswarm.scheduler.placement.PlacementRequest;
import io.jswarm.scheduler.placement.PlacementResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scheduler peer workload of BENCHMARKS.md, exactly: 1,000 READY ACTIVE linux/amd64 nodes
 * {@code node-0000…node-0999} with label {@code zone=z<i % 5>}, 4 CPUs, 8 GiB; 100 replicated
 * services {@code svc-000…svc-099} of 300 busybox replicas without reservations, ports or
 * preferences, so 30,000 PENDING tasks (slots 1…300, desired RUNNING). Variant ZONES constrains
 * service s to {@code node.labels.zone==z<s % 5>} (200 eligible nodes).
 */
public final class PeerWorkload {
    public static final int NODES = 1_000;
    public static final int SERVICES = 100;
    public static final int REPLICAS = 300;
    public static final int ZONES = 5;
    static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    public enum Variant {
        NONE, ZONES;

        /** Most tasks of one service a node may hold when spread is right. */
        int maxPerServicePerNode() {
            return this == NONE ? 1 : 2;
        }
    }

    private PeerWorkload() {}

    public static PlacementRequest request(Variant variant) {
        List<Node> nodes = new ArrayList<>(NODES);
        for (int i = 0; i < NODES; i++) {
            String id = String.format("node-%04d", i);
            nodes.add(new Node(id, Meta.created(1, NOW),
                    new NodeSpec(NodeRole.WORKER, Availability.ACTIVE, Map.of("zone", "z" + (i % ZONES))),
                    new NodeDescription(id, new Platform("linux", "amd64"),
                            new NodeResources(4_000_000_000L, 8L << 30), "bench"),
                    new NodeStatus(NodeState.READY, null, "127.0.0.1"), null));
        }
        Map<String, Service> services = new LinkedHashMap<>();
        List<Task> tasks = new ArrayList<>(SERVICES * REPLICAS);
        for (int s = 0; s < SERVICES; s++) {
            String id = String.format("svc-%03d", s);
            List<String> constraints = variant == Variant.ZONES ? List.of("node.labels.zone==z" + (s % ZONES)) : List.of();
            TaskSpec spec = new TaskSpec(ContainerSpec.of("busybox"), null, null,
                    new Placement(constraints, List.of(), null), null, 0);
            Service service = new Service(id, Meta.created(10 + s, NOW),
                    new ServiceSpec(id, Map.of(), spec, new ServiceMode.Replicated(REPLICAS), null, null, null), null);
            services.put(id, service);
            for (int slot = 1; slot <= REPLICAS; slot++) {
                tasks.add(new Task(id + "." + slot, Meta.created(10 + s, NOW), id, slot, null, spec, service.version(),
                        TaskState.RUNNING, TaskStatus.of(TaskState.PENDING, NOW, "pending")));
            }
        }
        return new PlacementRequest(nodes, services, List.of(), tasks, NOW);
    }

    /**
     * The checks of BENCHMARKS.md: all 30,000 assigned; spread holds (none: at most 1 task of a
     * service per node; zones: at most 2); every node ends with exactly 30; no constraint broken.
     *
     * @return the problems found, empty when the placement is right
     */
    public static List<String> check(Variant variant, PlacementResult result) {
        List<String> problems = new ArrayList<>();
        int total = SERVICES * REPLICAS;
        if (result.assignments().size() != total || !result.unplaced().isEmpty()) {
            problems.add("assigned " + result.assignments().size() + " of " + total + ", unplaced " + result.unplaced().size());
        }
        Map<String, Integer> perNode = new HashMap<>();
        Map<String, Integer> perServiceNode = new HashMap<>();
        for (Map.Entry<String, String> e : result.assignments().entrySet()) {
            String service = e.getKey().substring(0, e.getKey().indexOf('.'));
            String node = e.getValue();
            perNode.merge(node, 1, Integer::sum);
            perServiceNode.merge(service + "@" + node, 1, Integer::sum);
            if (variant == Variant.ZONES) {
                int s = Integer.parseInt(service.substring(4));
                int n = Integer.parseInt(node.substring(5));
                if (n % ZONES != s % ZONES) {
                    problems.add("constraint broken: " + e.getKey() + " on " + node);
                }
            }
        }
        perServiceNode.forEach((k, v) -> {
            if (v > variant.maxPerServicePerNode()) {
                problems.add("spread broken: " + v + " tasks of " + k);
            }
        });
        int expected = total / NODES;
        for (int i = 0; i < NODES; i++) {
            String id = String.format("node-%04d", i);
            int n = perNode.getOrDefault(id, 0);
            if (n != expected) {
                problems.add(id + " has " + n + " tasks, expected " + expected);
            }
        }
        return problems.size() > 20 ? problems.subList(0, 20) : problems;
    }
}
