package io.jswarm.manager.api;

import io.jswarm.api.node.ManagerStatus;
import io.jswarm.api.node.Node;
import io.jswarm.api.node.NodeRole;
import io.jswarm.api.node.NodeSpec;
import io.jswarm.api.node.NodeState;
import io.jswarm.api.node.Reachability;
import io.jswarm.api.validate.Labels;
import io.jswarm.api.validate.Problems;
import io.jswarm.manager.ca.JoinToken;
import io.jswarm.manager.ca.Pem;
import io.jswarm.manager.ca.RootCa;
import io.jswarm.manager.raft.RaftMember;
import io.jswarm.manager.raft.RaftPeerAddress;
import io.jswarm.manager.store.Cluster;
import io.jswarm.manager.store.ClusterStore;
import io.jswarm.manager.store.Kind;
import io.jswarm.manager.store.Mutation;
import io.jswarm.manager.store.ReadTx;
import io.jswarm.manager.store.StoredObject;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The manager API under /v1 for cluster info, nodes, join tokens and small objects. Every route
 * checks its caller: the local administrator or a manager certificate (workers are refused).
 */
public final class ControlApi {
    private final io.vertx.core.Vertx vertx;
    private final ClusterStore store;
    private final RaftMember member;

    public ControlApi(io.vertx.core.Vertx vertx, ClusterStore store, RaftMember member) {
        this.vertx = vertx;
        this.store = store;
        this.member = member;
    }

    public void mount(Router router) {
        router.get("/v1/cluster").handler(ctx -> HttpJson.handle(ctx, managers(this::cluster)));
        router.get("/v1/nodes").handler(ctx -> HttpJson.handle(ctx, managers(c -> Future.succeededFuture(nodes()))));
        router.get("/v1/nodes/:id").handler(ctx -> HttpJson.handle(ctx, managers(c -> Future.succeededFuture(
                withManagerStatus(store.view(tx -> find(tx, c.pathParam("id"))))))));
        router.post("/v1/nodes/:id/update").handler(ctx -> HttpJson.handle(ctx, managers(this::updateNode)));
        router.delete("/v1/nodes/:id").handler(ctx -> HttpJson.handle(ctx, managers(this::removeNode)));
        router.get("/v1/cluster/backup").handler(ctx -> HttpJson.handle(ctx, managers(c -> Future.fromCompletionStage(
                store.snapshotConsistent()))));
        router.get("/v1/join-tokens").handler(ctx -> HttpJson.handle(ctx, managers(this::joinTokens)));
        router.get("/v1/raft").handler(ctx -> HttpJson.handle(ctx, managers(c -> Future.succeededFuture(
                new Wire.RaftStatus(member.selfId(), member.leaderId().orElse(null), member.term(), member.voters())))));
        router.put("/v1/objects/:id").handler(ctx -> HttpJson.handle(ctx, managers(this::putObject)));
        router.get("/v1/objects/:id").handler(ctx -> HttpJson.handle(ctx, managers(this::getObject)));
    }

    private java.util.function.Function<RoutingContext, Future<?>> managers(
            java.util.function.Function<RoutingContext, Future<?>> handler) {
        return managers(handler, true);
    }

    /**
     * Manager routes: the certificate must say manager and the store must still list the node
     * as a manager (a removed manager's certificate stays valid until it expires).
     */
    private java.util.function.Function<RoutingContext, Future<?>> managers(
            java.util.function.Function<RoutingContext, Future<?>> handler, boolean checkStore) {
        return ctx -> {
            Caller caller = Caller.of(ctx);
            caller.require(NodeRole.MANAGER);
            if (checkStore && !caller.local()) {
                boolean stillManager = store.view(tx -> tx.get(Kind.NODES, caller.node().nodeId()))
                        .map(n -> n.spec().role() == NodeRole.MANAGER).orElse(false);
                if (!stillManager) {
                    throw ApiException.forbidden("node " + caller.node().nodeId() + " is no longer a manager of this cluster");
                }
            }
            return handler.apply(ctx);
        };
    }

    private Cluster clusterRow() {
        return store.view(tx -> tx.get(Kind.CLUSTER, Cluster.ID))
                .orElseThrow(() -> new ApiException(503, null, "the cluster is not initialized yet"));
    }

    private Future<?> cluster(RoutingContext ctx) {
        Cluster c = clusterRow();
        return Future.succeededFuture(new Wire.ClusterInfo(c.clusterId(), c.meta().createdAt(), c.heartbeatPeriod(),
                RootCa.digest(Pem.certificate(c.caCertPem())), member.leaderId().orElse(null), member.voters()));
    }

    /** Finds a node by full id, unique id prefix, or hostname. */
    static Node find(ReadTx tx, String key) {
        if (key == null || key.isBlank()) {
            throw ApiException.badInput("id", "must not be empty");
        }
        return tx.get(Kind.NODES, key).orElseGet(() -> {
            List<Node> matches = tx.find(Kind.NODES, n -> n.id().startsWith(key)
                    || (n.description() != null && key.equals(n.description().hostname())));
            if (matches.isEmpty()) {
                throw ApiException.notFound("node \"" + key + "\"");
            }
            if (matches.size() > 1) {
                throw ApiException.badInput("id", "\"" + key + "\" matches " + matches.size() + " nodes; use more of the id");
            }
            return matches.get(0);
        });
    }

    private List<Node> nodes() {
        return store.view(tx -> tx.list(Kind.NODES)).stream().map(this::withManagerStatus).toList();
    }

    /** Leader and reachability are live Raft facts, filled in when read rather than stored. */
    private Node withManagerStatus(Node n) {
        if (n.spec().role() != NodeRole.MANAGER) {
            return new Node(n.id(), n.meta(), n.spec(), n.description(), n.status(), null);
        }
        String raftAddr = n.managerStatus() == null ? null : n.managerStatus().address();
        Set<String> voters = new java.util.HashSet<>();
        member.voters().forEach(v -> voters.add(v.id()));
        boolean leader = member.leaderId().map(n.id()::equals).orElse(false);
        boolean reachable = voters.contains(n.id())
                && (n.id().equals(member.selfId()) || n.status().state() == NodeState.READY);
        return new Node(n.id(), n.meta(), n.spec(), n.description(), n.status(),
                new ManagerStatus(leader, reachable ? Reachability.REACHABLE : Reachability.UNREACHABLE, raftAddr));
    }

    private Future<?> updateNode(RoutingContext ctx) {
        Wire.NodeUpdate u = HttpJson.body(ctx, Wire.NodeUpdate.class);
        Problems problems = new Problems();
        if (u.labelAdd() != null) {
            Labels.check(problems.at("labelAdd"), u.labelAdd());
        }
        io.jswarm.api.validate.ValidationException.throwIfAny(problems.list());
        String key = ctx.pathParam("id");
        // Without a version the caller means "whatever is current": a conflict with a concurrent
        // status write (a heartbeat) is retried. With one, the conflict is the caller's to see.
        int attempts = u.version() == null ? 3 : 1;
        return Future.fromCompletionStage(retryOnConflict(attempts, () -> store.update(tx -> {
            Node n = find(tx, key);
            long readVersion = u.version() != null ? u.version() : n.meta().version();
            Map<String, String> labels = new HashMap<>(n.spec().labels());
            if (u.labelRm() != null) {
                for (String k : u.labelRm()) {
                    if (!labels.containsKey(k)) {
                        throw ApiException.badInput("labelRm", "node has no label \"" + k + "\"");
                    }
                    labels.remove(k);
                }
            }
            if (u.labelAdd() != null) {
                labels.putAll(u.labelAdd());
            }
            NodeSpec spec = new NodeSpec(n.spec().role(),
                    u.availability() != null ? u.availability() : n.spec().availability(), labels);
            // The version the caller read (if given) decides conflicts, not the one just looked up.
            Node updated = new Node(n.id(), new io.jswarm.api.Meta(readVersion, n.meta().createdAt(), n.meta().updatedAt()),
                    spec, n.description(), n.status(), n.managerStatus());
            tx.update(Kind.NODES, updated);
            return n.id();
        }))).map(id -> withManagerStatus(store.view(tx -> tx.get(Kind.NODES, id)).orElseThrow()));
    }

    /**
     * Removes a node from the cluster. Managers are refused (they must first leave the Raft group,
     * which this build cannot do yet); a node still READY is refused unless forced, because it is
     * probably still running.
     */
    private Future<?> removeNode(RoutingContext ctx) {
        boolean force = "true".equals(ctx.queryParams().get("force"));
        Node n = store.view(tx -> find(tx, ctx.pathParam("id")));
        if (n.status().state() == NodeState.READY && !force) {
            throw new ApiException(409, "id", "node " + n.id() + " is READY: stop it first, or use --force");
        }
        if (n.spec().role() != NodeRole.MANAGER) {
            return deleteRow(n);
        }
        // A manager (e.g. one that lost its data directory and rejoined under a new id) leaves
        // the Raft voters first, unless that would break quorum. The leader is never removed here.
        if (member.leaderId().map(n.id()::equals).orElse(false)) {
            throw new ApiException(409, "id", "node " + n.id() + " is the Raft leader; it cannot be removed");
        }
        Set<String> reachable = new java.util.HashSet<>();
        reachable.add(member.selfId());
        store.view(tx -> tx.find(Kind.NODES, x -> x.status().state() == NodeState.READY)).forEach(x -> reachable.add(x.id()));
        List<RaftPeerAddress> voters = member.voters();
        io.jswarm.manager.raft.Membership.refuseRemoval(voters, reachable, n.id()).ifPresent(why -> {
            throw new ApiException(409, "id", "cannot remove manager " + n.id() + ": " + why);
        });
        return vertx.executeBlocking(() -> {
            member.setVoters(voters.stream().filter(v -> !v.id().equals(n.id())).toList());
            return null;
        }, false).compose(v -> deleteRow(n));
    }

    private Future<?> deleteRow(Node n) {
        return Future.fromCompletionStage(store.update(tx -> {
            tx.delete(Kind.NODES, n.id(), Mutation.ANY_VERSION);
            return null;
        })).map(v -> java.util.Map.of("removed", n.id()));
    }

    private static <T> java.util.concurrent.CompletableFuture<T> retryOnConflict(int attempts,
            java.util.function.Supplier<java.util.concurrent.CompletableFuture<T>> op) {
        return op.get().handle((v, e) -> {
            Throwable cause = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
            if (cause instanceof io.jswarm.manager.store.ConflictException && attempts > 1) {
                return retryOnConflict(attempts - 1, op);
            }
            return e == null ? java.util.concurrent.CompletableFuture.completedFuture(v)
                    : java.util.concurrent.CompletableFuture.<T>failedFuture(cause);
        }).thenCompose(f -> f);
    }

    private Future<?> joinTokens(RoutingContext ctx) {
        String rotate = ctx.queryParams().get("rotate");
        if (rotate != null && !rotate.equals("worker") && !rotate.equals("manager")) {
            throw ApiException.badInput("rotate", "must be worker or manager, got \"" + rotate + "\"");
        }
        if (rotate == null) {
            return Future.succeededFuture(tokens(clusterRow()));
        }
        // Rotation replaces the secret: the old token is refused from the commit on.
        return Future.fromCompletionStage(store.update(tx -> {
            Cluster c = tx.get(Kind.CLUSTER, Cluster.ID).orElseThrow();
            Cluster next = rotate.equals("worker") ? c.withSecrets(JoinToken.newSecret(), c.managerSecret())
                    : c.withSecrets(c.workerSecret(), JoinToken.newSecret());
            tx.update(Kind.CLUSTER, next);
            return null;
        })).map(v -> tokens(clusterRow()));
    }

    static Wire.JoinTokens tokens(Cluster c) {
        String digest = RootCa.digest(Pem.certificate(c.caCertPem()));
        return new Wire.JoinTokens(new JoinToken(digest, c.workerSecret()).toString(),
                new JoinToken(digest, c.managerSecret()).toString());
    }

    private Future<?> putObject(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        Wire.ObjectWrite w = HttpJson.body(ctx, Wire.ObjectWrite.class);
        if (w.value() == null) {
            throw ApiException.badInput("value", "must be present");
        }
        if (id.length() > 256) {
            throw ApiException.badInput("id", "must be at most 256 characters");
        }
        return Future.fromCompletionStage(store.update(tx -> {
            tx.get(Kind.OBJECTS, id).ifPresentOrElse(
                    old -> tx.update(Kind.OBJECTS, new StoredObject(id, old.meta(), w.value())),
                    () -> tx.create(Kind.OBJECTS, new StoredObject(id, null, w.value())));
            return null;
        })).map(v -> store.view(tx -> tx.get(Kind.OBJECTS, id)).orElseThrow());
    }

    /** A linearizable read: fails (503) on a manager that cannot reach a majority. */
    private Future<?> getObject(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        return Future.fromCompletionStage(store.viewConsistent(tx -> tx.get(Kind.OBJECTS, id)))
                .map(o -> o.orElseThrow(() -> ApiException.notFound("object \"" + id + "\"")));
    }

    public List<RaftPeerAddress> voters() {
        return member.voters();
    }
}
