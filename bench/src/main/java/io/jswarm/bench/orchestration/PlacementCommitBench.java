package io.jswarm.bench.orchestration;

import io.jswarm.api.node.Node;
import io.jswarm.api.service.Service;
import io.jswarm.api.task.Task;
import io.jswarm.api.task.TaskState;
import io.jswarm.bench.scheduler.PeerWorkload;
import io.jswarm.manager.loop.Writes;
import io.jswarm.manager.schedulerloop.SchedulerLoop;
import io.jswarm.manager.store.Kind;
import io.jswarm.manager.store.WriteTx;
import io.jswarm.scheduler.placement.PlacementRequest;
import io.jswarm.scheduler.placement.Placer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The peer workload (1,000 nodes, 100 services × 300 PENDING tasks) placed by the scheduler loop
 * and committed through a real single-manager Ratis store: one {@code schedule()} pass, which
 * reads the store, places, writes every assignment and waits until all are applied. Placement
 * alone on the same request is timed in the same run as the baseline.
 */
final class PlacementCommitBench {
    record Result(double placeMillis, double placeAndCommitMillis, long assigned, long entries) {}

    private PlacementCommitBench() {}

    static Result run(PeerWorkload.Variant variant) throws Exception {
        PlacementRequest request = PeerWorkload.request(variant);
        try (SingleManager m = new SingleManager()) {
            load(m, request);
            long t0 = System.nanoTime();
            new Placer().place(new PlacementRequest(request.nodes(), request.services(), List.of(), request.toPlace(), Instant.now()));
            long place = System.nanoTime() - t0;
            long indexBefore = m.store.state().appliedIndex();
            SchedulerLoop loop = new SchedulerLoop(m.store, Clock.systemUTC(), new Placer());
            long t1 = System.nanoTime();
            int failed = loop.schedule(Instant.now());
            long total = System.nanoTime() - t1;
            if (failed > 0) {
                throw new IllegalStateException(failed + " chunks were not committed");
            }
            long assigned = m.store.view(tx -> tx.find(Kind.TASKS, t -> t.status().state() == TaskState.ASSIGNED).size());
            return new Result(place / 1e6, total / 1e6, assigned, m.store.state().appliedIndex() - indexBefore);
        }
    }

    /** Writes the workload into the store (not timed). */
    static void load(SingleManager m, PlacementRequest request) {
        List<Consumer<WriteTx>> writes = new ArrayList<>();
        List<Node> nodes = request.nodes();
        for (int i = 0; i < nodes.size(); i += Writes.CHUNK) {
            List<Node> part = nodes.subList(i, Math.min(nodes.size(), i + Writes.CHUNK));
            writes.add(tx -> part.forEach(n -> tx.create(Kind.NODES, n)));
        }
        List<Service> services = new ArrayList<>(request.services().values());
        writes.add(tx -> services.forEach(s -> tx.create(Kind.SERVICES, s)));
        List<Task> tasks = request.toPlace();
        for (int i = 0; i < tasks.size(); i += Writes.CHUNK) {
            List<Task> part = tasks.subList(i, Math.min(tasks.size(), i + Writes.CHUNK));
            writes.add(tx -> part.forEach(t -> tx.create(Kind.TASKS, t)));
        }
        for (Throwable t : Writes.commit(m.store, writes)) {
            if (t != null) {
                throw new IllegalStateException("loading the workload failed: " + t.getMessage(), t);
            }
        }
    }
}
