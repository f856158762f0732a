package io.jswarm.scheduler.placement;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Placement preferences as swarmkit's tree: level d groups the candidate nodes by their value for
 * the d-th {@code spread=} key (nodes without the key form one more group, ""), and each task goes
 * down to the child holding the fewest tasks of the service, ties to the lowest value. The leaves
 * hold a {@link NodeHeap} ordered by the strategy. Without preferences the tree is one leaf.
 *
 * <p>Invariant: {@code serviceTasks} of a branch is the number of the service's live tasks on its
 * nodes; a branch is exhausted once none of its nodes can take another task of the group.
 */
final class PreferenceTree {
    private final PreferenceTree[] children;
    private final NodeHeap heap;
    private int serviceTasks;
    private boolean exhausted;
    private int lastChild = -1;

    private PreferenceTree(PreferenceTree[] children, NodeHeap heap, int serviceTasks) {
        this.children = children;
        this.heap = heap;
        this.serviceTasks = serviceTasks;
    }

    /**
     * @param candidates indices of nodes that passed the group's pipeline
     * @param serviceCount the service's live tasks per node index
     */
    static PreferenceTree build(int[] candidates, int count, NodeInfo[] nodes, List<String> keys, int depth,
            int[] serviceCount, NodeHeap.Order order) {
        int tasks = 0;
        for (int k = 0; k < count; k++) {
            tasks += serviceCount[candidates[k]];
        }
        if (depth == keys.size()) {
            return new PreferenceTree(null, new NodeHeap(candidates, count, order), tasks);
        }
        String key = keys.get(depth);
        Map<String, List<Integer>> byValue = new TreeMap<>();
        for (int k = 0; k < count; k++) {
            String v = NodeKeys.value(nodes[candidates[k]].node(), key);
            byValue.computeIfAbsent(v == null ? "" : v, x -> new ArrayList<>()).add(candidates[k]);
        }
        PreferenceTree[] children = new PreferenceTree[byValue.size()];
        int c = 0;
        for (List<Integer> group : byValue.values()) {
            int[] sub = group.stream().mapToInt(Integer::intValue).toArray();
            children[c++] = build(sub, sub.length, nodes, keys, depth + 1, serviceCount, order);
        }
        return new PreferenceTree(children, null, tasks);
    }

    /**
     * The node for the next task of the group, or -1 when no node can take one. The dynamic
     * filters are checked on the node proposed; a node that fails them leaves its heap for good
     * (placing only adds tasks, so it cannot pass again within the group).
     */
    int pick(Pipeline pipeline, NodeInfo[] nodes) {
        if (exhausted) {
            return -1;
        }
        if (heap != null) {
            while (!heap.isEmpty()) {
                int i = heap.peek();
                if (pipeline.stillAccepts(nodes[i])) {
                    return i;
                }
                heap.removeTop();
            }
            exhausted = true;
            return -1;
        }
        while (true) {
            int best = -1;
            for (int c = 0; c < children.length; c++) {
                if (!children[c].exhausted && (best < 0 || children[c].serviceTasks < children[best].serviceTasks)) {
                    best = c;
                }
            }
            if (best < 0) {
                exhausted = true;
                return -1;
            }
            int i = children[best].pick(pipeline, nodes);
            if (i >= 0) {
                lastChild = best;
                return i;
            }
        }
    }

    /** The node last returned by {@link #pick} got the task: update counts down that path. */
    void placed() {
        serviceTasks++;
        if (heap != null) {
            heap.topChanged();
        } else {
            children[lastChild].placed();
        }
    }
}
