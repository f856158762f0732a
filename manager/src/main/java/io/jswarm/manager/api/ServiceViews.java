package io.jswarm.manager.api;

import io.jswarm.api.node.Availability;
import io.jswarm.api.node.Node;
import io.jswarm.api.node.NodeState;
import io.jswarm.api.service.Service;
import io.jswarm.api.service.ServiceMode;
import io.jswarm.api.task.Task;
import io.jswarm.api.task.TaskState;
import io.jswarm.scheduler.placement.ConstraintSet;
import java.util.List;

/** Running/desired counts for {@code service ls} and the dashboard: pure. */
public final class ServiceViews {
    private ServiceViews() {}

    public static ServiceWire.ServiceView of(Service s, List<Task> tasks, List<Node> nodes) {
        ServiceMode mode = s.spec().mode();
        boolean job = mode.isJob();
        int running = 0;
        for (Task t : tasks) {
            if (!t.serviceId().equals(s.id())) {
                continue;
            }
            TaskState st = t.status().state();
            if ((st == TaskState.RUNNING && t.desiredState() == TaskState.RUNNING) || (job && st == TaskState.COMPLETE)) {
                running++;
            }
        }
        int desired;
        if (mode instanceof ServiceMode.Replicated r) {
            desired = r.replicas();
        } else if (mode instanceof ServiceMode.ReplicatedJob j) {
            desired = j.totalCompletions();
        } else {
            desired = eligible(s, nodes);
        }
        return new ServiceWire.ServiceView(s, running, desired);
    }

    private static int eligible(Service s, List<Node> nodes) {
        ConstraintSet constraints;
        try {
            constraints = ConstraintSet.parse(s.spec().task().placement().constraints());
        } catch (IllegalArgumentException e) {
            return 0;
        }
        int n = 0;
        for (Node node : nodes) {
            boolean ready = node.status() != null && node.status().state() == NodeState.READY;
            boolean active = node.spec().availability() == null || node.spec().availability() == Availability.ACTIVE;
            if (ready && active && constraints.matches(node)) {
                n++;
            }
        }
        return n;
    }
}
