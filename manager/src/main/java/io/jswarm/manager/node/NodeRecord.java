package io.jswarm.manager.node;

import io.jswarm.api.Copies;
import io.jswarm.api.node.NodeRole;
import java.util.List;

/**
 * What a node remembers about itself across restarts ({@code <data-dir>/node.json}): its identity
 * and addresses, and the managers' cluster addresses it last knew (to find one after a restart).
 */
public record NodeRecord(String nodeId, String clusterId, NodeRole role, String advertiseHost, String listenHost,
                         int clusterPort, int raftPort, List<String> managerAddrs) {
    public NodeRecord {
        managerAddrs = Copies.list(managerAddrs);
    }

    public String clusterAddr() {
        return advertiseHost + ":" + clusterPort;
    }

    public String raftAddr() {
        return advertiseHost + ":" + raftPort;
    }

    public NodeRecord withManagers(List<String> addrs) {
        return new NodeRecord(nodeId, clusterId, role, advertiseHost, listenHost, clusterPort, raftPort, addrs);
    }
}
