package io.jswarm.scheduler.reconcile;

import io.jswarm.api.node.Node;
import io.jswarm.api.service.Service;
import io.jswarm.api.task.Task;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Runs the reconciler with predictable ids and applies its result the way the orchestrator would. */
final class ReconcileHarness {
    private int next = 1;
    final Reconciler reconciler = new Reconciler(() -> "new-" + next++);

    ReconcileResult reconcile(Service s, List<Task> tasks, List<Node> nodes, Instant now) {
        return reconciler.reconcile(s, tasks, nodes, now);
    }

    /** The task list after writing {@code r}: changed tasks replaced by id, created ones added. */
    static List<Task> apply(List<Task> tasks, ReconcileResult r) {
        Map<String, Task> byId = new LinkedHashMap<>();
        tasks.forEach(t -> byId.put(t.id(), t));
        Stream.concat(r.shutdown().stream(), r.remove().stream()).forEach(t -> byId.put(t.id(), t));
        r.create().forEach(t -> byId.put(t.id(), t));
        return new ArrayList<>(byId.values());
    }

    static List<Integer> slots(List<Task> tasks) {
        return tasks.stream().map(Task::slot).sorted().toList();
    }

    static List<String> ids(List<Task> tasks) {
        return tasks.stream().map(Task::id).sorted().toList();
    }

    static List<String> nodeIds(List<Task> tasks) {
        return tasks.stream().map(Task::nodeId).sorted().collect(Collectors.toList());
    }
}
