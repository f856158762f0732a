package io.jswarm.scheduler.placement;

import io.jswarm.api.node.Node;
import io.jswarm.api.service.Service;
import io.jswarm.api.task.PlacementPreference;
import io.jswarm.api.task.Task;
import io.jswarm.api.task.TaskSpec;
import io.jswarm.api.task.TaskState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Places pending tasks on nodes: a pure function of a {@link PlacementRequest}.
 *
 * <p>How it stays fast at 1,000 nodes × 30,000 tasks: per-node state is built once
 * ({@link NodeInfo}); tasks are grouped by service version (identical specs), so the static
 * filters run once per group and node, not once per task and node; within a group a heap of the
 * candidate nodes yields the best node in O(log n), and only the filters that placements can
 * change are checked again on it. Cost: O(groups · nodes + tasks · log nodes).
 *
 * <p>Determinism: nodes are ordered by id and groups by (service, version, node); ties between
 * equal nodes go to the lower id. The same request always gives the same result.
 */
public final class Placer {
    private final PlacementOptions options;

    public Placer(PlacementOptions options) {
        this.options = options;
    }

    public Placer() {
        this(PlacementOptions.DEFAULT);
    }

    public PlacementResult place(PlacementRequest request) {
        Map<String, NodeInfo> byId = new HashMap<>(request.nodes().size() * 2);
        NodeInfo[] nodes = nodeInfos(request, byId);
        List<NodeInfo> allNodes = Collections.unmodifiableList(Arrays.asList(nodes));
        int expected = request.toPlace().size();
        Map<String, String> assignments = new LinkedHashMap<>(expected * 4 / 3 + 1);
        Map<String, String> unplaced = new LinkedHashMap<>();
        for (GroupKey key : sortedGroups(request.toPlace())) {
            new GroupPlacement(key, request.services().get(key.serviceId), nodes, byId, allNodes,
                    assignments, unplaced).run();
        }
        return new PlacementResult(Collections.unmodifiableMap(assignments), Collections.unmodifiableMap(unplaced));
    }

    /** Per-node state, ordered by node id, with the live tasks and recent failures counted in. */
    private NodeInfo[] nodeInfos(PlacementRequest request, Map<String, NodeInfo> byId) {
        List<Node> sorted = new ArrayList<>(request.nodes());
        sorted.sort(Comparator.comparing(Node::id));
        NodeInfo[] nodes = new NodeInfo[sorted.size()];
        for (int i = 0; i < nodes.length; i++) {
            nodes[i] = new NodeInfo(i, sorted.get(i));
            byId.put(nodes[i].id(), nodes[i]);
        }
        Map<String, long[]> portsByService = new HashMap<>();
        Instant since = request.now().minus(options.failureWindow());
        for (Task t : request.tasks()) {
            if (t.nodeId() == null) {
                continue;
            }
            NodeInfo n = byId.get(t.nodeId());
            if (n == null) {
                continue;
            }
            if (NodeInfo.occupies(t)) {
                long[] ports = portsByService.computeIfAbsent(t.serviceId(),
                        s -> HostPorts.of(request.services().get(s)));
                n.add(t, ports);
            } else if (failedRecently(t, since, request.now())) {
                n.addRecentFailure(t.serviceId());
            }
        }
        return nodes;
    }

    private static boolean failedRecently(Task t, Instant since, Instant now) {
        TaskState s = t.status().state();
        Instant at = t.status().timestamp();
        return (s == TaskState.FAILED || s == TaskState.REJECTED) && at != null && at.isAfter(since) && !at.isAfter(now);
    }

    /** Tasks of one service version (one spec), and for global tasks one target node. */
    private record GroupKey(String serviceId, long serviceVersion, String nodeId, List<Task> tasks) {}

    private static List<GroupKey> sortedGroups(List<Task> toPlace) {
        record K(String serviceId, long version, String nodeId) {}
        Map<K, List<Task>> groups = new HashMap<>();
        for (Task t : toPlace) {
            groups.computeIfAbsent(new K(t.serviceId(), t.serviceVersion(), t.nodeId()), k -> new ArrayList<>()).add(t);
        }
        List<GroupKey> keys = new ArrayList<>(groups.size());
        groups.forEach((k, v) -> keys.add(new GroupKey(k.serviceId, k.version, k.nodeId, v)));
        keys.sort(Comparator.comparing(GroupKey::serviceId)
                .thenComparingLong(GroupKey::serviceVersion)
                .thenComparing(GroupKey::nodeId, Comparator.nullsFirst(Comparator.naturalOrder())));
        return keys;
    }

    /** Placing one group; holds the group's arrays so the heap order reads them directly. */
    private final class GroupPlacement {
        private final GroupKey key;
        private final Service service;
        private final NodeInfo[] nodes;
        private final Map<String, NodeInfo> byId;
        private final List<NodeInfo> allNodes;
        private final Map<String, String> assignments;
        private final Map<String, String> unplaced;

        GroupPlacement(GroupKey key, Service service, NodeInfo[] nodes, Map<String, NodeInfo> byId,
                List<NodeInfo> allNodes, Map<String, String> assignments, Map<String, String> unplaced) {
            this.key = key;
            this.service = service;
            this.nodes = nodes;
            this.byId = byId;
            this.allNodes = allNodes;
            this.assignments = assignments;
            this.unplaced = unplaced;
        }

        void run() {
            TaskSpec spec = key.tasks.get(0).spec();
            long[] ports = HostPorts.of(service);
            Pipeline pipeline;
            try {
                pipeline = Pipeline.forTasks(key.serviceId, spec, ports);
            } catch (IllegalArgumentException e) {
                rejectAll(0, "invalid placement: " + e.getMessage());
                return;
            }
            if (key.nodeId != null) {
                placeOnNode(pipeline, spec, ports);
                return;
            }
            int[] candidates = new int[nodes.length];
            int count = 0;
            for (NodeInfo n : nodes) {
                if (pipeline.accepts(n)) {
                    candidates[count++] = n.index();
                }
            }
            if (count == 0) {
                rejectAll(0, pipeline.explain(allNodes));
                return;
            }
            int[] serviceCount = new int[nodes.length];
            boolean[] avoided = new boolean[nodes.length];
            for (int k = 0; k < count; k++) {
                NodeInfo n = nodes[candidates[k]];
                serviceCount[n.index()] = n.tasksOf(key.serviceId);
                avoided[n.index()] = n.recentFailures(key.serviceId) >= options.failureThreshold();
            }
            NodeHeap.Order order = strategy() == Strategy.BINPACK
                    ? binpack(avoided, nodes) : spread(avoided, serviceCount, nodes);
            List<String> prefs = spec.placement().preferences().stream()
                    .map(PlacementPreference::spread).filter(s -> s != null && !s.isBlank())
                    .map(Placer::preferenceKey).toList();
            PreferenceTree tree = PreferenceTree.build(candidates, count, nodes, prefs, 0, serviceCount, order);
            var reservations = spec.resources().reservations();
            int[][] counters = new int[nodes.length][]; // each node's live counter for this service, looked up once
            List<Task> tasks = key.tasks;
            for (int t = 0; t < tasks.size(); t++) {
                int i = tree.pick(pipeline, nodes);
                if (i < 0) {
                    rejectAll(t, pipeline.explain(allNodes));
                    return;
                }
                NodeInfo n = nodes[i];
                serviceCount[i]++;
                if (counters[i] == null) {
                    counters[i] = n.serviceCounter(key.serviceId);
                }
                n.addPlaced(counters[i], reservations, ports);
                tree.placed();
                assignments.put(tasks.get(t).id(), n.id());
            }
        }

        /** A global task names its node: the only question is whether that node passes. */
        private void placeOnNode(Pipeline pipeline, TaskSpec spec, long[] ports) {
            NodeInfo n = byId.get(key.nodeId);
            if (n == null) {
                rejectAll(0, "no suitable node (node " + key.nodeId + " is not in the cluster)");
                return;
            }
            for (int t = 0; t < key.tasks.size(); t++) {
                if (!pipeline.accepts(n)) {
                    rejectAll(t, pipeline.explain(List.of(n)));
                    return;
                }
                n.addPlaced(n.serviceCounter(key.serviceId), spec.resources().reservations(), ports);
                assignments.put(key.tasks.get(t).id(), n.id());
            }
        }

        private void rejectAll(int from, String why) {
            for (int t = from; t < key.tasks.size(); t++) {
                unplaced.put(key.tasks.get(t).id(), why);
            }
        }

        private Strategy strategy() {
            String label = service == null ? null : service.spec().labels().get(PlacementOptions.STRATEGY_LABEL);
            if (label != null) {
                try {
                    return Strategy.valueOf(label.strip().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    // An unknown value is refused when the service is created; here, fall back.
                }
            }
            return options.defaultStrategy();
        }
    }

    /** Docker writes {@code spread=node.labels.zone}; {@code engine.labels.*} are node labels here. */
    static String preferenceKey(String spread) {
        String s = spread.strip();
        return s.startsWith("engine.labels.") ? "node.labels." + s.substring("engine.labels.".length()) : s;
    }

    /** Swarm's order: not recently failing, fewest tasks of the service, fewest tasks, lowest id. */
    private static NodeHeap.Order spread(boolean[] avoided, int[] serviceCount, NodeInfo[] nodes) {
        return (a, b) -> {
            if (avoided[a] != avoided[b]) {
                return !avoided[a];
            }
            if (serviceCount[a] != serviceCount[b]) {
                return serviceCount[a] < serviceCount[b];
            }
            int ta = nodes[a].totalTasks();
            int tb = nodes[b].totalTasks();
            return ta != tb ? ta < tb : a < b;
        };
    }

    /** Fullest first: least free memory, least free CPU, most tasks, lowest id. */
    private static NodeHeap.Order binpack(boolean[] avoided, NodeInfo[] nodes) {
        return (a, b) -> {
            if (avoided[a] != avoided[b]) {
                return !avoided[a];
            }
            NodeInfo na = nodes[a];
            NodeInfo nb = nodes[b];
            if (na.memoryAvailable() != nb.memoryAvailable()) {
                return na.memoryAvailable() < nb.memoryAvailable();
            }
            if (na.cpuAvailable() != nb.cpuAvailable()) {
                return na.cpuAvailable() < nb.cpuAvailable();
            }
            return na.totalTasks() != nb.totalTasks() ? na.totalTasks() > nb.totalTasks() : a < b;
        };
    }
}
