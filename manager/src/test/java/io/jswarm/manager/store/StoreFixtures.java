package io.jswarm.manager.store;

import io.jswarm.api.node.Availability;
import io.jswarm.api.node.Node;
import io.jswarm.api.node.NodeDescription;
import io.jswarm.api.node.NodeRole;
import io.jswarm.api.node.NodeSpec;
import io.jswarm.api.node.NodeState;
import io.jswarm.api.node.NodeStatus;
import io.jswarm.api.node.NodeResources;
import io.jswarm.api.node.Platform;
import java.util.Map;

final class StoreFixtures {
    private StoreFixtures() {}

    static Node node(String id) {
        return new Node(id, null, new NodeSpec(NodeRole.WORKER, Availability.ACTIVE, Map.of()),
                new NodeDescription("host-" + id, new Platform("linux", "amd64"), new NodeResources(2_000_000_000L, 1L << 30), "test"),
                new NodeStatus(NodeState.READY, "", "127.0.0.1"), null);
    }

    static Node withAvailability(Node n, Availability a) {
        return new Node(n.id(), n.meta(), new NodeSpec(n.spec().role(), a, n.spec().labels()), n.description(), n.status(),
                n.managerStatus());
    }

    static StoredObject object(String id, String value) {
        return new StoredObject(id, null, value);
    }
}
