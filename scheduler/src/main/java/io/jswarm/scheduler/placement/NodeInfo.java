package io.jswarm.scheduler.placement;

import io.jswarm.api.node.Availability;
import io.jswarm.api.node.Node;
import io.jswarm.api.node.NodeState;
import io.jswarm.api.task.Resources;
import io.jswarm.api.task.Task;
import io.jswarm.api.task.TaskState;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Per-node accounting for one placement run: capacity, what is reserved, how many tasks (in total
 * and per service) and which host ports are taken. Built once from the nodes and their tasks, then
 * updated in place as tasks are assigned, so filters and ordering read fields instead of scanning
 * tasks.
 *
 * <p>Invariant: the counters cover exactly the tasks that {@link #occupies} accepts plus the tasks
 * assigned during this run.
 */
public final class NodeInfo {
    private final int index;
    private final Node node;
    private final long cpuCapacity;
    private final long memoryCapacity;
    private long cpuReserved;
    private long memoryReserved;
    private int totalTasks;
    private final Map<String, int[]> tasksByService = new HashMap<>();
    private Set<Long> hostPorts;
    private Map<String, int[]> recentFailures;

    public NodeInfo(int index, Node node) {
        this.index = index;
        this.node = node;
        var resources = node.description() == null ? null : node.description().resources();
        this.cpuCapacity = resources == null ? 0 : resources.nanoCpus();
        this.memoryCapacity = resources == null ? 0 : resources.memoryBytes();
    }

    /**
     * A task holds a place on its node from ASSIGNED until it stops, whatever its desired state:
     * a task being shut down still uses its reservation until the container is gone. NEW and
     * PENDING tasks (even global ones created with a node) hold nothing yet.
     */
    public static boolean occupies(Task t) {
        TaskState s = t.status().state();
        return t.nodeId() != null && s.ordinal() >= TaskState.ASSIGNED.ordinal() && !s.isTerminal();
    }

    /** Counts a task that runs (or will run) here. */
    public void add(Task t, long[] hostPortKeys) {
        Resources r = t.spec().resources().reservations();
        addReservation(r);
        totalTasks++;
        tasksByService.computeIfAbsent(t.serviceId(), k -> new int[1])[0]++;
        for (long p : hostPortKeys) {
            if (hostPorts == null) {
                hostPorts = new HashSet<>();
            }
            hostPorts.add(p);
        }
    }

    /** Faster path used while placing: the caller already holds this service's counter. */
    void addPlaced(int[] serviceCounter, Resources reservations, long[] hostPortKeys) {
        addReservation(reservations);
        totalTasks++;
        serviceCounter[0]++;
        for (long p : hostPortKeys) {
            if (hostPorts == null) {
                hostPorts = new HashSet<>();
            }
            hostPorts.add(p);
        }
    }

    private void addReservation(Resources r) {
        if (r.nanoCpus() != null) {
            cpuReserved += r.nanoCpus();
        }
        if (r.memoryBytes() != null) {
            memoryReserved += r.memoryBytes();
        }
    }

    /** Records a failed task of {@code serviceId} on this node (already filtered to the window). */
    void addRecentFailure(String serviceId) {
        if (recentFailures == null) {
            recentFailures = new HashMap<>();
        }
        recentFailures.computeIfAbsent(serviceId, k -> new int[1])[0]++;
    }

    public int recentFailures(String serviceId) {
        if (recentFailures == null) {
            return 0;
        }
        int[] c = recentFailures.get(serviceId);
        return c == null ? 0 : c[0];
    }

    /** The live counter of this service's tasks here (created on first use). */
    int[] serviceCounter(String serviceId) {
        return tasksByService.computeIfAbsent(serviceId, k -> new int[1]);
    }

    public int index() {
        return index;
    }

    public Node node() {
        return node;
    }

    public String id() {
        return node.id();
    }

    public boolean ready() {
        return node.status() != null && node.status().state() == NodeState.READY;
    }

    public Availability availability() {
        return node.spec() == null || node.spec().availability() == null ? Availability.ACTIVE : node.spec().availability();
    }

    public long cpuCapacity() {
        return cpuCapacity;
    }

    public long memoryCapacity() {
        return memoryCapacity;
    }

    public long cpuAvailable() {
        return cpuCapacity - cpuReserved;
    }

    public long memoryAvailable() {
        return memoryCapacity - memoryReserved;
    }

    public int totalTasks() {
        return totalTasks;
    }

    public int tasksOf(String serviceId) {
        int[] c = tasksByService.get(serviceId);
        return c == null ? 0 : c[0];
    }

    public boolean portUsed(long hostPortKey) {
        return hostPorts != null && hostPorts.contains(hostPortKey);
    }
}
