package io.jswarm.manager.orchestration;

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
import io.jswarm.api.service.ServiceSpec;
import io.jswarm.api.task.Task;
import io.jswarm.api.task.TaskState;
import io.jswarm.manager.loop.LeaderLoops;
import io.jswarm.manager.store.ClusterStore;
import io.jswarm.manager.store.Kind;
import io.jswarm.testkit.Await;
import io.jswarm.testkit.FakeClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * One manager in a test: the store with the in-memory proposer, a fake clock, the leader loops,
 * and fake workers that talk to the dispatcher's assignment streams. Scenario helpers read like
 * the story they test; awaits poll with a deadline and report the last state seen.
 */
final class InProcessCluster implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(10);
    static final long GIB = 1L << 30;

    final FakeClock clock = new FakeClock();
    final ClusterStore store = ClusterStore.inMemory(clock);
    private final AtomicLong ids = new AtomicLong();
    final LeaderLoops loops = new LeaderLoops(store, clock, () -> String.format("t%06d", ids.incrementAndGet()));
    final Map<String, FakeWorker> workers = new LinkedHashMap<>();

    InProcessCluster start() {
        loops.start();
        return this;
    }

    FakeWorker addNode(String id, Map<String, String> labels) {
        Node n = new Node(id, null, new NodeSpec(NodeRole.WORKER, Availability.ACTIVE, labels),
                new NodeDescription(id, new Platform("linux", "amd64"), new NodeResources(4_000_000_000L, 8 * GIB), "test"),
                new NodeStatus(NodeState.READY, "", "127.0.0.1"), null);
        store.update(tx -> {
            tx.create(Kind.NODES, n);
            return null;
        }).join();
        FakeWorker w = new FakeWorker(store, clock, id);
        workers.put(id, w);
        w.connect();
        return w;
    }

    FakeWorker addNode(String id) {
        return addNode(id, Map.of());
    }

    void setNodeState(String id, NodeState state) {
        store.update(tx -> {
            Node n = tx.get(Kind.NODES, id).orElseThrow();
            tx.update(Kind.NODES, new Node(n.id(), n.meta(), n.spec(), n.description(),
                    new NodeStatus(state, "", n.status().address()), n.managerStatus()));
            return null;
        }).join();
    }

    void setAvailability(String id, Availability a) {
        store.update(tx -> {
            Node n = tx.get(Kind.NODES, id).orElseThrow();
            tx.update(Kind.NODES, new Node(n.id(), n.meta(), new NodeSpec(n.spec().role(), a, n.spec().labels()),
                    n.description(), n.status(), n.managerStatus()));
            return null;
        }).join();
    }

    String createService(ServiceSpec spec) {
        String id = "svc-" + spec.name();
        store.update(tx -> {
            tx.create(Kind.SERVICES, new Service(id, null, spec, null));
            return null;
        }).join();
        return id;
    }

    void updateService(String id, java.util.function.UnaryOperator<ServiceSpec> change) {
        store.update(tx -> {
            Service s = tx.get(Kind.SERVICES, id).orElseThrow();
            tx.update(Kind.SERVICES, new Service(s.id(), s.meta(), change.apply(s.spec()), s.spec()));
            return null;
        }).join();
    }

    List<Task> tasks(String serviceId) {
        return store.view(tx -> tx.find(Kind.TASKS, t -> t.serviceId().equals(serviceId)));
    }

    List<Task> running(String serviceId) {
        return tasks(serviceId).stream()
                .filter(t -> t.status().state() == TaskState.RUNNING && t.desiredState() == TaskState.RUNNING).toList();
    }

    List<Task> awaitTasks(String what, String serviceId, Predicate<List<Task>> done) {
        return Await.until(what, WAIT, () -> tasks(serviceId), done::test);
    }

    List<Task> awaitRunning(String serviceId, int n) {
        Await.until(n + " running tasks of " + serviceId, WAIT, () -> summary(serviceId), s -> running(serviceId).size() == n);
        return running(serviceId);
    }

    /** A readable line per task, for failure messages. */
    String summary(String serviceId) {
        List<String> out = new ArrayList<>();
        for (Task t : tasks(serviceId)) {
            out.add(t.id() + " slot " + t.slot() + " on " + t.nodeId() + " " + t.status().state() + "/" + t.desiredState()
                    + " '" + t.status().message() + "'");
        }
        return String.join("; ", out);
    }

    @Override
    public void close() {
        workers.values().forEach(FakeWorker::close);
        loops.close();
    }
}
