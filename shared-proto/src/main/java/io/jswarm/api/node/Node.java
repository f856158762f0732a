package io.jswarm.api.node;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.jswarm.api.Meta;

/** A machine in the cluster. {@code managerStatus} is null for workers. */
public record Node(
        String id,
        Meta meta,
        NodeSpec spec,
        NodeDescription description,
        NodeStatus status,
        ManagerStatus managerStatus) {

    @JsonIgnore
    public boolean isManager() {
        return spec.role() == NodeRole.MANAGER;
    }
}
