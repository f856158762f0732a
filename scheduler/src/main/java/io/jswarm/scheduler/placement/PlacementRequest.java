package io.jswarm.scheduler.placement;

import io.jswarm.api.node.Node;
import io.jswarm.api.service.Service;
import io.jswarm.api.task.Task;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything one placement run reads, as an immutable view of the store.
 *
 * @param nodes every node of the cluster
 * @param services services by id (for host-mode ports and the strategy label)
 * @param tasks the tasks already in the cluster, any state: assigned live ones are counted on
 *     their nodes, recent failures steer the service away from a node
 * @param toPlace the tasks to place (PENDING; a global task carries the node it must go to)
 * @param now the time recent failures are measured against
 */
public record PlacementRequest(List<Node> nodes, Map<String, Service> services, List<Task> tasks,
        List<Task> toPlace, Instant now) {
    public PlacementRequest {
        Objects.requireNonNull(nodes, "nodes");
        Objects.requireNonNull(services, "services");
        Objects.requireNonNull(tasks, "tasks");
        Objects.requireNonNull(toPlace, "toPlace");
        Objects.requireNonNull(now, "now");
    }
}
