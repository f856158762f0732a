package io.jswarm.bench.orchestration;

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
import io.jswarm.api.task.Task;
import io.jswarm.api.task.TaskSpec;
import io.jswarm.api.task.TaskState;
import io.jswarm.manager.loop.LeaderLoops;
import io.jswarm.manager.store.Kind;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code service create} with N replicas on one manager (real Ratis store, leader loops running)
 * and 10 in-process workers with a null executor: times from the committed create to all tasks
 * created, all assigned and all running. The 3-manager, multi-process variant of BENCHMARKS.md
 * is not measured here (see manager/ORCHESTRATION.md).
 */
final class ServiceCreateBench {
    static final int WORKERS = 10;

    record Result(int replicas, double createdMillis, double assignedMillis, double runningMillis) {}

    private ServiceCreateBench() {}

    static Result run(int replicas) throws Exception {
        try (SingleManager m = new SingleManager()) {
            Clock clock = Clock.systemUTC();
            AtomicLong ids = new AtomicLong();
            m.store.update(tx -> {
                for (int i = 0; i < WORKERS; i++) {
                    String id = String.format("node-%02d", i);
                    tx.create(Kind.NODES, new Node(id, null, new NodeSpec(NodeRole.WORKER, Availability.ACTIVE, Map.of()),
                            new NodeDescription(id, new Platform("linux", "amd64"), new NodeResources(4_000_000_000L, 8L << 30), "bench"),
                            new NodeStatus(NodeState.READY, "", "127.0.0.1"), null));
                }
                return null;
            }).join();
            List<NullWorker> workers = new ArrayList<>();
            try (LeaderLoops loops = new LeaderLoops(m.store, clock, () -> "t" + ids.incrementAndGet())) {
                for (int i = 0; i < WORKERS; i++) {
                    workers.add(new NullWorker(m.store, clock, String.format("node-%02d", i)));
                }
                loops.start();
                ServiceSpec spec = new ServiceSpec("bench", Map.of(), TaskSpec.of(ContainerSpec.of("busybox")),
                        new ServiceMode.Replicated(replicas), null, null, null);
                long t0 = System.nanoTime();
                m.store.update(tx -> {
                    tx.create(Kind.SERVICES, new Service("svc-bench", (Meta) null, spec, null));
                    return null;
                }).join();
                long created = 0;
                long assigned = 0;
                long running = 0;
                long deadline = t0 + 120_000_000_000L;
                while (running == 0) {
                    int[] c = m.store.view(tx -> {
                        int[] n = new int[3];
                        for (Task t : tx.list(Kind.TASKS)) {
                            n[0]++;
                            if (t.status().state().ordinal() >= TaskState.ASSIGNED.ordinal()) {
                                n[1]++;
                            }
                            if (t.status().state() == TaskState.RUNNING) {
                                n[2]++;
                            }
                        }
                        return n;
                    });
                    long now = System.nanoTime();
                    if (created == 0 && c[0] >= replicas) {
                        created = now - t0;
                    }
                    if (assigned == 0 && c[1] >= replicas) {
                        assigned = now - t0;
                    }
                    if (c[2] >= replicas) {
                        running = now - t0;
                    }
                    if (now > deadline) {
                        throw new IllegalStateException("not converged in 120 s: " + c[0] + " created, " + c[1] + " assigned, "
                                + c[2] + " running of " + replicas);
                    }
                    Thread.sleep(2); // sampling period of the measurement, 2 ms resolution
                }
                return new Result(replicas, created / 1e6, assigned / 1e6, running / 1e6);
            } finally {
                for (NullWorker w : workers) {
                    w.close();
                }
            }
        }
    }
}
