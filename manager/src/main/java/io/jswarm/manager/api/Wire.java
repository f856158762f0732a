package io.jswarm.manager.api;

import io.jswarm.api.node.Availability;
import io.jswarm.manager.raft.RaftPeerAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The request and answer bodies of the manager API that are not model objects. */
public final class Wire {
    private Wire() {}

    /**
     * Local API: make this node the first manager of a new cluster. Addresses are IP[:PORT].
     * {@code restore}, if present, is a backup ({@code cluster backup}) the new cluster starts from.
     */
    public record InitRequest(String advertiseAddr, String listenAddr, Duration heartbeatPeriod,
                              io.jswarm.manager.store.StoreSnapshot restore, Duration certLifetime) {
        public InitRequest(String advertiseAddr, String listenAddr, Duration heartbeatPeriod) {
            this(advertiseAddr, listenAddr, heartbeatPeriod, null, null);
        }
    }

    /** Cluster API: a node asks for a new certificate for a new key, before its current one expires. */
    public record RenewCall(String publicKeyPem) {}

    public record RenewAnswer(String certificatePem) {}

    /** Local API: join the cluster whose manager is at {@code remoteAddr} (IP:PORT of its cluster port). */
    public record JoinRequest(String token, String remoteAddr, String advertiseAddr, String listenAddr) {}

    /** Cluster API: what a joiner sends once it has checked the CA; the key is its new public key. */
    public record JoinCall(String token, String publicKeyPem, String hostname, String advertiseHost,
                           int clusterPort, int raftPort) {}

    /** Cluster API: the joiner's identity and how to reach the managers. */
    public record JoinAnswer(String nodeId, String clusterId, String role, String certificatePem, String caPem,
                             List<RaftPeerAddress> raftPeers, List<String> managerAddrs) {}

    public record ClusterInfo(String id, Instant createdAt, Duration heartbeatPeriod, String caDigest,
                              String leader, List<RaftPeerAddress> managers) {}

    public record JoinTokens(String worker, String manager) {}

    /** Node update: the version read (optimistic concurrency, optional), and the changes. */
    public record NodeUpdate(Long version, Availability availability, Map<String, String> labelAdd,
                             List<String> labelRm) {}

    public record Heartbeat(String nodeId) {}

    public record HeartbeatAnswer(Duration period, String leaderAddr, List<String> managerAddrs) {}

    public record ObjectWrite(String id, String value) {}

    public record RaftStatus(String self, String leader, long term, List<RaftPeerAddress> voters) {}

    public record Info(String state, String nodeId, String role, String clusterId, String clusterAddr) {}
}
