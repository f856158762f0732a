package io.jswarm.manager.node;

import io.jswarm.manager.ca.NodeCredentials;
import io.jswarm.manager.ca.Pem;
import io.jswarm.manager.ca.RootCa;
import io.jswarm.manager.dispatcher.Dispatcher;
import io.jswarm.manager.raft.RaftMember;
import io.jswarm.manager.raft.RaftPeerAddress;
import io.jswarm.manager.raft.RaftSettings;
import io.jswarm.manager.raft.RaftTls;
import io.jswarm.manager.store.Cluster;
import io.jswarm.manager.store.ClusterStore;
import io.jswarm.manager.store.Kind;
import io.jswarm.manager.store.StoreState;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The manager half of a node: its Raft member, the replicated store, and the dispatcher. It
 * watches its own leadership and tells the dispatcher, which only judges liveness while leading.
 */
public final class ManagerRuntime implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ManagerRuntime.class);
    static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(2);

    final NodeRecord record;
    final NodeCredentials creds;
    final RaftMember member;
    final ClusterStore store;
    final Dispatcher dispatcher;
    final Clock clock;
    final io.jswarm.manager.loop.LeaderLoops loops;
    private final Vertx vertx;
    private final long leadershipTimer;
    private boolean wasLeader;
    private long lastLivenessCheck;

    private ManagerRuntime(Vertx vertx, NodeRecord record, NodeCredentials creds, RaftMember member,
                           ClusterStore store, Clock clock) {
        this.vertx = vertx;
        this.record = record;
        this.creds = creds;
        this.member = member;
        this.store = store;
        this.clock = clock;
        this.dispatcher = new Dispatcher(store, clock);
        this.loops = new io.jswarm.manager.loop.LeaderLoops(store, clock, Ids::newId);
        this.leadershipTimer = vertx.setPeriodic(200, id -> tick());
    }

    /**
     * Starts (or recovers) this manager's Raft member. {@code peers} is the initial voter set for
     * a new member; on restart the configuration comes from the Raft log instead.
     */
    static ManagerRuntime start(Vertx vertx, NodeFiles files, NodeRecord record, NodeCredentials creds,
                                javax.net.ssl.KeyManager keys, List<RaftPeerAddress> peers, RaftSettings settings,
                                Clock clock) throws IOException {
        StoreState state = new StoreState();
        RaftMember member = RaftMember.start(record.nodeId(), files.raft(), record.listenHost(), record.raftPort(),
                record.clusterId(), peers, settings, state, new RaftTls(keys, creds.ca()));
        ClusterStore store = new ClusterStore(state, member, clock);
        return new ManagerRuntime(vertx, record, creds, member, store, clock);
    }

    private void tick() {
        boolean leader;
        try {
            leader = member.isLeader();
        } catch (RuntimeException e) {
            return; // Raft not running yet or closing
        }
        if (leader && !wasLeader) {
            LOG.info("{} became the Raft leader (term {})", record.nodeId(), member.term());
            dispatcher.becameLeader();
            loops.leadershipChanged(true);
        } else if (!leader && wasLeader) {
            LOG.info("{} is no longer the Raft leader", record.nodeId());
            dispatcher.lostLeadership();
            loops.leadershipChanged(false);
        }
        wasLeader = leader;
        long now = System.nanoTime();
        if (leader && now - lastLivenessCheck > 500_000_000L) {
            lastLivenessCheck = now;
            dispatcher.checkLiveness(heartbeatPeriod()).exceptionally(e -> {
                LOG.warn("node liveness check failed: {}", e.getMessage());
                return List.of();
            });
        }
    }

    Optional<Cluster> cluster() {
        return store.view(tx -> tx.get(Kind.CLUSTER, Cluster.ID));
    }

    Duration heartbeatPeriod() {
        return cluster().map(Cluster::heartbeatPeriod).orElse(DEFAULT_HEARTBEAT);
    }

    RootCa rootCa() {
        Cluster c = cluster().orElseThrow(() -> new IllegalStateException("cluster record not replicated yet"));
        return new RootCa(Pem.certificate(c.caCertPem()), Pem.privateKey(c.caKeyPem()));
    }

    @Override
    public void close() throws IOException {
        vertx.cancelTimer(leadershipTimer);
        loops.close();
        member.close();
    }
}
