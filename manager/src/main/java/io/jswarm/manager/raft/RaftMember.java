package io.jswarm.manager.raft;

import io.jswarm.manager.store.EntryResult;
import io.jswarm.manager.store.LogEntry;
import io.jswarm.manager.store.Proposer;
import io.jswarm.manager.store.StoreException;
import io.jswarm.manager.store.StoreState;
import io.jswarm.manager.store.UnavailableException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.ratis.client.RaftClient;
import org.apache.ratis.client.RaftClientConfigKeys;
import org.apache.ratis.conf.Parameters;
import org.apache.ratis.conf.RaftProperties;
import org.apache.ratis.grpc.GrpcConfigKeys;
import org.apache.ratis.protocol.ClientId;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftClientReply;
import org.apache.ratis.protocol.RaftGroup;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.protocol.RaftPeer;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.protocol.exceptions.StateMachineException;
import org.apache.ratis.retry.RetryPolicies;
import org.apache.ratis.server.RaftServer;
import org.apache.ratis.server.RaftServerConfigKeys;
import org.apache.ratis.server.storage.RaftStorage;
import org.apache.ratis.statemachine.StateMachine;
import org.apache.ratis.thirdparty.com.google.protobuf.ByteString;
import org.apache.ratis.util.SizeInBytes;
import org.apache.ratis.util.TimeDuration;

/**
 * This manager's membership in the Raft group: a Ratis server running the {@link StoreStateMachine}
 * and a Ratis client that sends this manager's proposals to whoever leads (so a follower forwards
 * writes without knowing it). All Ratis types stay in this package.
 */
public final class RaftMember implements Proposer, AutoCloseable {
    private final RaftPeerId self;
    private final RaftGroup group;
    private final RaftServer server;
    private final RaftClient client;
    private final RaftSettings settings;

    private RaftMember(RaftPeerId self, RaftGroup group, RaftServer server, RaftClient client, RaftSettings settings) {
        this.self = self;
        this.group = group;
        this.server = server;
        this.client = client;
        this.settings = settings;
    }

    /** The Raft group of a cluster: derived from the cluster id, so every manager computes the same one. */
    static RaftGroupId groupId(String clusterId) {
        return RaftGroupId.valueOf(UUID.nameUUIDFromBytes(("jswarm/" + clusterId).getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Starts this member. With existing Raft storage under {@code dir} it recovers its log,
     * snapshot and configuration from disk (and {@code peers} is only a hint); otherwise it
     * formats new storage with {@code peers} as the initial configuration (all of them, this one
     * included, for a new cluster or a manager being added).
     *
     * @param tls the mutual-TLS material for the Raft transport, or null for plaintext (tests only)
     */
    public static RaftMember start(String selfId, Path dir, String bindHost, int port, String clusterId,
                                   List<RaftPeerAddress> peers, RaftSettings settings, StoreState state,
                                   RaftTls tls) throws IOException {
        RaftPeerId self = RaftPeerId.valueOf(selfId);
        RaftGroupId groupId = groupId(clusterId);
        List<RaftPeer> raftPeers = new ArrayList<>();
        for (RaftPeerAddress p : peers) {
            raftPeers.add(peer(p));
        }
        RaftGroup group = RaftGroup.valueOf(groupId, raftPeers);

        RaftProperties props = properties(dir, bindHost, port, settings);
        Parameters parameters = new Parameters();
        if (tls != null) {
            tls.applyTo(parameters);
        }
        boolean existing = Files.isDirectory(dir.resolve(groupId.getUuid().toString()));
        StateMachine sm = new StoreStateMachine(state);
        RaftServer server = RaftServer.newBuilder()
                .setServerId(self)
                .setGroup(group)
                .setProperties(props)
                .setParameters(parameters)
                .setStateMachine(sm)
                .setOption(existing ? RaftStorage.StartupOption.RECOVER : RaftStorage.StartupOption.FORMAT)
                .build();
        server.start();
        RaftClient client = RaftClient.newBuilder()
                .setClientId(ClientId.randomId())
                .setRaftGroup(group)
                .setProperties(clientProperties(settings))
                .setParameters(parameters)
                // The default retries forever without sleeping; writes have a deadline instead.
                .setRetryPolicy(RetryPolicies.retryUpToMaximumCountWithFixedSleep(
                        (int) Math.max(1, settings.writeDeadline().toMillis() / 100), TimeDuration.valueOf(100, TimeUnit.MILLISECONDS)))
                .build();
        return new RaftMember(self, group, server, client, settings);
    }

    private static RaftPeer peer(RaftPeerAddress p) {
        return RaftPeer.newBuilder().setId(p.id()).setAddress(p.address()).build();
    }

    private static RaftProperties properties(Path dir, String bindHost, int port, RaftSettings s) {
        RaftProperties props = new RaftProperties();
        RaftServerConfigKeys.setStorageDir(props, List.of(dir.toFile()));
        GrpcConfigKeys.Server.setHost(props, bindHost);
        GrpcConfigKeys.Server.setPort(props, port);
        RaftServerConfigKeys.Rpc.setTimeoutMin(props, millis(s.electionTimeoutMin()));
        RaftServerConfigKeys.Rpc.setTimeoutMax(props, millis(s.electionTimeoutMax()));
        RaftServerConfigKeys.Rpc.setFirstElectionTimeoutMin(props, millis(s.electionTimeoutMin().dividedBy(2)));
        RaftServerConfigKeys.Rpc.setFirstElectionTimeoutMax(props, millis(s.electionTimeoutMax().dividedBy(2)));
        // A leader that hears from no majority for a few election timeouts steps down, so its
        // clients are redirected instead of waiting on it.
        RaftServerConfigKeys.LeaderElection.setLeaderStepDownWaitTime(props, millis(s.electionTimeoutMax().multipliedBy(3)));
        RaftServerConfigKeys.LeaderElection.setPreVote(props, true);
        RaftServerConfigKeys.Read.setOption(props, RaftServerConfigKeys.Read.Option.LINEARIZABLE);
        RaftServerConfigKeys.Read.setTimeout(props, millis(s.readDeadline()));
        RaftServerConfigKeys.Snapshot.setAutoTriggerEnabled(props, true);
        RaftServerConfigKeys.Snapshot.setAutoTriggerThreshold(props, s.snapshotEvery());
        RaftServerConfigKeys.Snapshot.setRetentionFileNum(props, 2);
        RaftServerConfigKeys.Log.setPurgeUptoSnapshotIndex(props, true);
        RaftServerConfigKeys.Log.setSegmentSizeMax(props, SizeInBytes.valueOf("8MB"));
        RaftServerConfigKeys.Log.setPreallocatedSize(props, SizeInBytes.valueOf("1MB"));
        // The extra commit-index metadata entries cost single-writer throughput (RAFT.md:
        // 339 -> 617 writes/s without them); restart recovery is covered by the restart tests.
        RaftServerConfigKeys.Log.setLogMetadataEnabled(props, false);
        return props;
    }

    private static RaftProperties clientProperties(RaftSettings s) {
        RaftProperties props = new RaftProperties();
        RaftClientConfigKeys.Rpc.setRequestTimeout(props, millis(s.electionTimeoutMax().multipliedBy(2)));
        return props;
    }

    private static TimeDuration millis(Duration d) {
        return TimeDuration.valueOf(d.toMillis(), TimeUnit.MILLISECONDS);
    }

    public String selfId() {
        return self.toString();
    }

    @Override
    public CompletableFuture<EntryResult> propose(LogEntry entry) {
        Message message = Message.valueOf(ByteString.copyFrom(entry.encode()));
        return client.async().send(message)
                .orTimeout(settings.writeDeadline().toMillis(), TimeUnit.MILLISECONDS)
                .handle((reply, error) -> {
                    if (error != null) {
                        throw unavailable("write", settings.writeDeadline(), error);
                    }
                    return EntryResult.decode(content(reply));
                });
    }

    @Override
    public CompletableFuture<Long> readIndex() {
        Message query = Message.valueOf(ByteString.copyFromUtf8("applied-index"));
        // Asked of the leader: once it confirms leadership (ReadIndex), its applied index covers
        // every write acknowledged before this call. The caller then waits for this member to
        // apply up to there. (Follower-local linearizable reads stalled after a failover.)
        return client.async().sendReadOnly(query)
                .orTimeout(settings.readDeadline().toMillis(), TimeUnit.MILLISECONDS)
                .handle((reply, error) -> {
                    if (error != null) {
                        throw unavailable("consistent read", settings.readDeadline(), error);
                    }
                    return Long.parseLong(new String(content(reply), StandardCharsets.UTF_8));
                });
    }

    private static byte[] content(RaftClientReply reply) {
        if (!reply.isSuccess()) {
            Throwable e = reply.getException();
            if (e instanceof StateMachineException) {
                throw new StoreException(e.getCause() != null ? e.getCause().getMessage() : e.getMessage(), e);
            }
            throw new UnavailableException("Raft refused the request: " + (e == null ? "unknown reason" : e.getMessage()), e);
        }
        return reply.getMessage().getContent().toByteArray();
    }

    private static RuntimeException unavailable(String what, Duration deadline, Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof StoreException se) {
            return se;
        }
        String why = cause instanceof TimeoutException ? "not confirmed within " + deadline.toMillis() + " ms"
                : "failed (" + cause.getMessage() + ")";
        return new UnavailableException("no Raft quorum: the " + what + " was " + why
                + "; a majority of managers must be reachable"
                + ("write".equals(what) ? " (the write may still be applied later)" : ""), cause);
    }

    private RaftServer.Division division() {
        try {
            return server.getDivision(group.getGroupId());
        } catch (IOException e) {
            throw new IllegalStateException("Raft group not running: " + e.getMessage(), e);
        }
    }

    public boolean isLeader() {
        return division().getInfo().isLeader();
    }

    /** The id of the manager this member believes leads, if it knows one. */
    public Optional<String> leaderId() {
        RaftPeerId leader = division().getInfo().getLeaderId();
        return Optional.ofNullable(leader).map(RaftPeerId::toString);
    }

    public long term() {
        return division().getInfo().getCurrentTerm();
    }

    /** The current voting members as this member knows them. */
    public List<RaftPeerAddress> voters() {
        List<RaftPeerAddress> out = new ArrayList<>();
        for (RaftPeer p : division().getRaftConf().getCurrentPeers()) {
            out.add(new RaftPeerAddress(p.getId().toString(), p.getAddress()));
        }
        return out;
    }

    /** Replaces the voting members (Ratis joint consensus). Blocking; call off event loops. */
    public void setVoters(List<RaftPeerAddress> voters) throws IOException {
        List<RaftPeer> peers = voters.stream().map(RaftMember::peer).toList();
        RaftClientReply reply = client.admin().setConfiguration(peers);
        if (!reply.isSuccess()) {
            throw new IOException("membership change refused: " + reply.getException());
        }
    }

    /** Hands leadership to {@code to} (e.g. before this leader is demoted). Blocking. */
    public void transferLeadership(String to, Duration timeout) throws IOException {
        RaftClientReply reply = client.admin().transferLeadership(RaftPeerId.valueOf(to), timeout.toMillis());
        if (!reply.isSuccess()) {
            throw new IOException("leadership transfer to " + to + " failed: " + reply.getException());
        }
    }

    /** Takes a snapshot now (used by backups); returns its index. Blocking. */
    public long snapshotNow() throws IOException {
        RaftClientReply reply = client.getSnapshotManagementApi(self).create(settings.writeDeadline().toMillis());
        if (!reply.isSuccess()) {
            throw new IOException("snapshot failed: " + reply.getException());
        }
        return reply.getLogIndex();
    }

    @Override
    public void close() throws IOException {
        try {
            client.close();
        } finally {
            server.close();
        }
    }
}
