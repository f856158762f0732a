package io.jswarm.worker.agent;

import io.jswarm.api.task.HealthState;
import io.jswarm.api.task.Task;
import io.jswarm.worker.runtime.ExitStatus;
import io.jswarm.worker.task.Controller;
import io.jswarm.worker.task.ControllerException;
import io.jswarm.worker.task.Observation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * An in-process node for agent tests without root: "containers" are entries in a map, controller
 * calls are recorded, a start can be held on a latch and an exit can be injected.
 */
final class FakeNode implements ControllerFactory, NodeContainers {
    final Set<String> containers = ConcurrentHashMap.newKeySet();
    final Map<String, Integer> exits = new ConcurrentHashMap<>();
    final Map<String, CountDownLatch> holdStart = new ConcurrentHashMap<>();
    final List<String> calls = java.util.Collections.synchronizedList(new ArrayList<>());
    volatile boolean recovered;

    @Override
    public Controller create(Task task) {
        String id = task.id();
        return new Controller() {
            @Override
            public void prepare() {
                calls.add("prepare " + id);
                if (task.spec().container().image().startsWith("missing")) {
                    throw new ControllerException("image not found: " + task.spec().container().image());
                }
                containers.add(id);
            }

            @Override
            public void start() {
                calls.add("start " + id);
                CountDownLatch hold = holdStart.get(id);
                if (hold != null) {
                    try {
                        hold.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }

            @Override
            public Observation observe() {
                Integer code = exits.get(id);
                return code != null ? Observation.exited(new ExitStatus(code, false, null, false))
                        : Observation.running(42L, HealthState.NONE, null);
            }

            @Override
            public void shutdown() {
                calls.add("shutdown " + id);
            }

            @Override
            public void terminate() {
                calls.add("terminate " + id);
            }

            @Override
            public void remove() {
                calls.add("remove " + id);
                containers.remove(id);
            }
        };
    }

    @Override
    public void recover() {
        recovered = true;
    }

    @Override
    public Set<String> ids() {
        return new TreeSet<>(containers);
    }

    @Override
    public void stopAndRemove(String id) {
        calls.add("stopAndRemove " + id);
        containers.remove(id);
    }

    long count(String call) {
        synchronized (calls) {
            return calls.stream().filter(call::equals).count();
        }
    }
}
