package io.jswarm.scheduler.placement;

import io.jswarm.api.service.Service;
import io.jswarm.api.task.PlacementPreference;
import io.jswarm.api.task.Task;
import io.jswarm.api.task.TaskSpec;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Placing one group of identical tasks: filter the nodes once, build the preference tree of
 * node heaps, then give each task the best node that still passes the placement-dependent
 * filters. Holds the group's arrays so the heap order reads them directly.
 */
final class GroupPlacement {
    private final PlacementOptions options;
    private final Placer.GroupKey key;
    private final Service service;
    private final NodeInfo[] nodes;
    private final Map<String, NodeInfo> byId;
    private final List<NodeInfo> allNodes;
    private final Map<String, String> assignments;
    private final Map<String, String> unplaced;

    GroupPlacement(PlacementOptions options, Placer.GroupKey key, Service service, NodeInfo[] nodes, Map<String, NodeInfo> byId,
            List<NodeInfo> allNodes, Map<String, String> assignments, Map<String, String> unplaced) {
        this.options = options;
        this.key = key;
        this.service = service;
        this.nodes = nodes;
        this.byId = byId;
        this.allNodes = allNodes;
        this.assignments = assignments;
        this.unplaced = unplaced;
    }

    void run() {
        TaskSpec spec = key.tasks().get(0).spec();
        long[] ports = HostPorts.of(service);
        Pipeline pipeline;
        try {
            pipeline = Pipeline.forTasks(key.serviceId(), spec, ports);
        } catch (IllegalArgumentException e) {
            rejectAll(0, "invalid placement: " + e.getMessage());
            return;
        }
        if (key.nodeId() != null) {
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
            serviceCount[n.index()] = n.tasksOf(key.serviceId());
            avoided[n.index()] = n.recentFailures(key.serviceId()) >= options.failureThreshold();
        }
        NodeHeap.Order order = strategy() == Strategy.BINPACK
                ? binpack(avoided, nodes) : spread(avoided, serviceCount, nodes);
        List<String> prefs = spec.placement().preferences().stream()
                .map(PlacementPreference::spread).filter(s -> s != null && !s.isBlank())
                .map(GroupPlacement::preferenceKey).toList();
        PreferenceTree tree = PreferenceTree.build(candidates, count, nodes, prefs, 0, serviceCount, order);
        var reservations = spec.resources().reservations();
        int[][] counters = new int[nodes.length][]; // each node's live counter for this service, looked up once
        List<Task> tasks = key.tasks();
        for (int t = 0; t < tasks.size(); t++) {
            int i = tree.pick(pipeline, nodes);
            if (i < 0) {
                rejectAll(t, pipeline.explain(allNodes));
                return;
            }
            NodeInfo n = nodes[i];
            serviceCount[i]++;
            if (counters[i] == null) {
                counters[i] = n.serviceCounter(key.serviceId());
            }
            n.addPlaced(counters[i], reservations, ports);
            tree.placed();
            assignments.put(tasks.get(t).id(), n.id());
        }
    }

    /** A global task names its node: the only question is whether that node passes. */
    private void placeOnNode(Pipeline pipeline, TaskSpec spec, long[] ports) {
        NodeInfo n = byId.get(key.nodeId());
        if (n == null) {
            rejectAll(0, "no suitable node (node " + key.nodeId() + " is not in the cluster)");
            return;
        }
        for (int t = 0; t < key.tasks().size(); t++) {
            if (!pipeline.accepts(n)) {
                rejectAll(t, pipeline.explain(List.of(n)));
                return;
            }
            n.addPlaced(n.serviceCounter(key.serviceId()), spec.resources().reservations(), ports);
            assignments.put(key.tasks().get(t).id(), n.id());
        }
    }

    private void rejectAll(int from, String why) {
        for (int t = from; t < key.tasks().size(); t++) {
            unplaced.put(key.tasks().get(t).id(), why);
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
