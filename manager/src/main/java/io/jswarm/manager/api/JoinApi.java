package io.jswarm.manager.api;

import io.jswarm.api.node.Availability;
import io.jswarm.api.node.ManagerStatus;
import io.jswarm.api.node.Node;
import io.jswarm.api.node.NodeDescription;
import io.jswarm.api.node.NodeRole;
import io.jswarm.api.node.NodeSpec;
import io.jswarm.api.node.NodeState;
import io.jswarm.api.node.NodeStatus;
import io.jswarm.api.node.Platform;
import io.jswarm.api.node.Reachability;
import io.jswarm.manager.ca.InvalidTokenException;
import io.jswarm.manager.ca.JoinToken;
import io.jswarm.manager.ca.NodeIdentity;
import io.jswarm.manager.ca.Pem;
import io.jswarm.manager.ca.RootCa;
import io.jswarm.manager.raft.RaftMember;
import io.jswarm.manager.raft.RaftPeerAddress;
import io.jswarm.manager.store.Cluster;
import io.jswarm.manager.store.ClusterStore;
import io.jswarm.manager.store.Kind;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Joining, on the cluster port: {@code POST /v1/join} (anonymous, authenticated by the token
 * secret) issues the joiner's certificate with the role its token grants and records the node;
 * {@code POST /v1/managers/voter} (a manager certificate) adds the caller to the Raft voters once
 * its Raft member runs.
 */
public final class JoinApi {
    private final Vertx vertx;
    private final ClusterStore store;
    private final RaftMember member;
    private final Supplier<RootCa> ca;
    private final Duration certLifetime;
    private final Clock clock;

    public JoinApi(Vertx vertx, ClusterStore store, RaftMember member, Supplier<RootCa> ca, Duration certLifetime,
                   Clock clock) {
        this.vertx = vertx;
        this.store = store;
        this.member = member;
        this.ca = ca;
        this.certLifetime = certLifetime;
        this.clock = clock;
    }

    public void mount(Router router) {
        router.post("/v1/join").handler(ctx -> HttpJson.handle(ctx, this::join));
        router.post("/v1/managers/voter").handler(ctx -> HttpJson.handle(ctx, this::becomeVoter));
        router.post("/v1/certificates/renew").handler(ctx -> HttpJson.handle(ctx, this::renew));
    }

    private Future<?> join(RoutingContext ctx) {
        Wire.JoinCall call = HttpJson.body(ctx, Wire.JoinCall.class);
        JoinToken token = JoinToken.parse(call.token());
        Cluster cluster = store.view(tx -> tx.get(Kind.CLUSTER, Cluster.ID))
                .orElseThrow(() -> new ApiException(503, null, "the cluster is not initialized yet"));
        RootCa root = ca.get();
        if (!token.caDigest().equals(root.digest())) {
            throw new InvalidTokenException("token: the CA digest does not match this cluster");
        }
        // Both compared, always, in constant time: timing says nothing about which one nearly matched.
        boolean worker = JoinToken.secretMatches(token.secret(), cluster.workerSecret());
        boolean manager = JoinToken.secretMatches(token.secret(), cluster.managerSecret());
        if (!worker && !manager) {
            throw new InvalidTokenException("token: invalid join token (rotated, or for another cluster)");
        }
        NodeRole role = manager ? NodeRole.MANAGER : NodeRole.WORKER;
        if (call.publicKeyPem() == null) {
            throw ApiException.badInput("publicKeyPem", "must be present");
        }
        PublicKey key = publicKey(call.publicKeyPem());
        String host = call.advertiseHost();
        if (host == null || !io.jswarm.manager.node.Addresses.isIpv4(host)) {
            throw ApiException.badInput("advertiseHost", "must be an IPv4 address");
        }
        String nodeId = io.jswarm.manager.node.Ids.newId();
        X509Certificate cert = root.issue(key, new NodeIdentity(nodeId, role, cluster.clusterId()),
                List.of(host), lifetime(cluster), clock);
        String hostname = call.hostname() == null || call.hostname().isBlank() ? host : call.hostname();
        Node node = new Node(nodeId, null, new NodeSpec(role, Availability.ACTIVE, Map.of()),
                new NodeDescription(hostname, new Platform("linux", "amd64"), null, null),
                new NodeStatus(NodeState.UNKNOWN, "joined", host + ":" + call.clusterPort()),
                role == NodeRole.MANAGER ? new ManagerStatus(false, Reachability.UNKNOWN, host + ":" + call.raftPort()) : null);
        return Future.fromCompletionStage(store.update(tx -> {
            tx.create(Kind.NODES, node);
            return null;
        })).map(v -> new Wire.JoinAnswer(nodeId, cluster.clusterId(), role.name(), Pem.write(cert),
                Pem.write(root.certificate()), member.voters(), managerAddrs()));
    }

    private Duration lifetime(Cluster c) {
        return c.certLifetime() != null ? c.certLifetime() : certLifetime;
    }

    /**
     * A new certificate for the calling node, for a new key. The role comes from the store, not
     * from the old certificate, so a changed role takes effect at renewal; a removed node gets none.
     */
    private Future<?> renew(RoutingContext ctx) {
        Caller caller = Caller.of(ctx);
        caller.require(NodeRole.WORKER);
        if (caller.local()) {
            throw ApiException.badInput("", "renewal is for nodes calling over the cluster port");
        }
        Wire.RenewCall call = HttpJson.body(ctx, Wire.RenewCall.class);
        if (call.publicKeyPem() == null) {
            throw ApiException.badInput("publicKeyPem", "must be present");
        }
        PublicKey key = publicKey(call.publicKeyPem());
        String id = caller.node().nodeId();
        Node node = store.view(tx -> tx.get(Kind.NODES, id))
                .orElseThrow(() -> ApiException.forbidden("node " + id + " is not part of this cluster"));
        Cluster cluster = store.view(tx -> tx.get(Kind.CLUSTER, Cluster.ID)).orElseThrow();
        String address = node.status().address();
        String host = address == null ? null : address.substring(0, address.lastIndexOf(':'));
        X509Certificate cert = ca.get().issue(key, new NodeIdentity(id, node.spec().role(), cluster.clusterId()),
                host == null ? List.of() : List.of(host), lifetime(cluster), clock);
        return Future.succeededFuture(new Wire.RenewAnswer(Pem.write(cert)));
    }

    List<String> managerAddrs() {
        List<String> out = new ArrayList<>();
        for (Node n : store.view(tx -> tx.find(Kind.NODES, Node::isManager))) {
            out.add(n.status().address());
        }
        return out;
    }

    private static PublicKey publicKey(String pem) {
        try (org.bouncycastle.openssl.PEMParser p = new org.bouncycastle.openssl.PEMParser(new java.io.StringReader(pem))) {
            Object o = p.readObject();
            if (o instanceof org.bouncycastle.asn1.x509.SubjectPublicKeyInfo info) {
                return new org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter().getPublicKey(info);
            }
        } catch (java.io.IOException | RuntimeException e) {
            throw ApiException.badInput("publicKeyPem", "not a PEM public key: " + e.getMessage());
        }
        throw ApiException.badInput("publicKeyPem", "not a PEM public key");
    }

    private Future<?> becomeVoter(RoutingContext ctx) {
        Caller caller = Caller.of(ctx);
        caller.require(NodeRole.MANAGER);
        if (caller.local()) {
            throw ApiException.badInput("", "only a joining manager may ask to become a voter");
        }
        String id = caller.node().nodeId();
        Node node = store.view(tx -> tx.get(Kind.NODES, id)).orElseThrow(() -> ApiException.notFound("node " + id));
        if (node.managerStatus() == null || node.managerStatus().address() == null) {
            throw ApiException.badInput("", "node " + id + " has no Raft address");
        }
        return vertx.executeBlocking(() -> {
            List<RaftPeerAddress> voters = new ArrayList<>(member.voters());
            if (voters.stream().noneMatch(v -> v.id().equals(id))) {
                voters.add(new RaftPeerAddress(id, node.managerStatus().address()));
                member.setVoters(voters);
            }
            return member.voters();
        }, false);
    }
}
