package io.jswarm.bench.scheduler;

import io.jswarm.api.node.Node;
import io.jswarm.api.task.Task;
import io.jswarm.scheduler.placement.HostPorts;
import io.jswarm.scheduler.placement.NodeInfo;
import io.jswarm.scheduler.placement.PlacementRequest;
import io.jswarm.scheduler.placement.PlacementResult;
import io.jswarm.scheduler.placement.Pipeline;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The in-run baseline: the same filters and the same spread order as the real placer, but the
 * obvious algorithm — for every task, run the whole pipeline on every node and keep the best,
 * O(tasks · nodes). Measured in the same JVM run as {@code Placer}, so the ratio between them
 * survives the noise of shared cores; it shows what grouping and heaps buy. Spread only, no
 * preferences: the peer workload has none.
 */
final class NaivePlacer {

    PlacementResult place(PlacementRequest request) {
        List<Node> sorted = new ArrayList<>(request.nodes());
        sorted.sort(Comparator.comparing(Node::id));
        List<NodeInfo> nodes = new ArrayList<>(sorted.size());
        for (int i = 0; i < sorted.size(); i++) {
            nodes.add(new NodeInfo(i, sorted.get(i)));
        }
        Map<String, Pipeline> pipelines = new HashMap<>();
        Map<String, long[]> ports = new HashMap<>();
        Map<String, String> assignments = new LinkedHashMap<>();
        Map<String, String> unplaced = new LinkedHashMap<>();
        for (Task t : request.toPlace()) {
            long[] p = ports.computeIfAbsent(t.serviceId(), s -> HostPorts.of(request.services().get(s)));
            Pipeline pipeline = pipelines.computeIfAbsent(t.serviceId(), s -> Pipeline.forTasks(s, t.spec(), p));
            NodeInfo best = null;
            for (NodeInfo n : nodes) {
                if (pipeline.accepts(n) && (best == null || before(n, best, t.serviceId()))) {
                    best = n;
                }
            }
            if (best == null) {
                unplaced.put(t.id(), pipeline.explain(nodes));
            } else {
                best.add(t, p);
                assignments.put(t.id(), best.id());
            }
        }
        return new PlacementResult(assignments, unplaced);
    }

    private static boolean before(NodeInfo a, NodeInfo b, String serviceId) {
        int sa = a.tasksOf(serviceId);
        int sb = b.tasksOf(serviceId);
        if (sa != sb) {
            return sa < sb;
        }
        return a.totalTasks() != b.totalTasks() ? a.totalTasks() < b.totalTasks() : a.index() < b.index();
    }
}
