package io.jswarm.manager.node;

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
import io.jswarm.manager.api.ApiException;
import io.jswarm.manager.api.Caller;
import io.jswarm.manager.api.ControlApi;
import io.jswarm.manager.api.HttpJson;
import io.jswarm.manager.api.JoinApi;
import io.jswarm.manager.api.Wire;
import io.jswarm.manager.ca.CaPinning;
import io.jswarm.manager.ca.InvalidTokenException;
import io.jswarm.manager.ca.JoinToken;
import io.jswarm.manager.ca.NodeCredentials;
import io.jswarm.manager.ca.NodeIdentity;
import io.jswarm.manager.ca.Pem;
import io.jswarm.manager.ca.ReloadableKeyManager;
import io.jswarm.manager.ca.RootCa;
import io.jswarm.manager.client.ApiClient;
import io.jswarm.manager.client.ApiResponse;
import io.jswarm.manager.dispatcher.HeartbeatApi;
import io.jswarm.manager.raft.RaftPeerAddress;
import io.jswarm.manager.store.Cluster;
import io.jswarm.manager.store.Kind;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.KeyCertOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.net.TrustOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One jswarm node: the local API on a root-only Unix socket in the data directory, and, once the
 * node belongs to a cluster, its session with the leader and (on managers) Raft and the mutual-TLS
 * cluster port. A fresh daemon waits for {@code init} or {@code join} through the local API.
 */
public final class Daemon implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Daemon.class);
    static final long BODY_LIMIT = 1 << 20;
    /** init may carry a whole backup. */
    static final long RESTORE_BODY_LIMIT = 256L << 20;

    private final Vertx vertx;
    private final NodeFiles files;
    private final DaemonOptions options;
    private final NodeExtension extension;
    private volatile NodeRecord record;
    private volatile NodeCredentials creds;
    private volatile ManagerRuntime manager;
    private volatile SessionAgent agent;
    private volatile HttpServer clusterServer;
    private volatile ApiClient tlsClient;
    private volatile ReloadableKeyManager keys;
    private volatile CertRenewer renewer;
    private volatile Router localRouter;
    private io.jswarm.manager.api.LogsApi logs;
    private ManagerRuntime logsOwner;
    private HttpServer localServer;
    private final java.util.concurrent.ExecutorService bootstrap = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "jswarm-bootstrap");
        t.setDaemon(true);
        return t;
    });

    private Daemon(Vertx vertx, DaemonOptions options, NodeExtension extension) {
        this.vertx = vertx;
        this.options = options;
        this.extension = extension;
        this.files = new NodeFiles(options.dataDir());
    }

    /** Starts the daemon; resumes its cluster membership if the data directory has one. */
    public static Daemon start(DaemonOptions options) throws IOException {
        return start(options, NodeExtension.NONE);
    }

    /** Starts the daemon with what the assembled node adds (worker role, dashboard). */
    public static Daemon start(DaemonOptions options, NodeExtension extension) throws IOException {
        Daemon d = new Daemon(Vertx.vertx(), options, extension);
        try {
            d.files.createDataDir();
            // Resume first: the socket answering is what tells the CLI (and tests) the node is ready.
            var rec = d.files.readRecord();
            if (rec.isPresent()) {
                d.resume(rec.get());
            }
            d.localRouter = d.buildLocalRouter();
            Files.deleteIfExists(d.files.socket());
            d.localServer = d.vertx.createHttpServer(new HttpServerOptions())
                    .requestHandler(req -> d.localRouter.handle(req))
                    .listen(SocketAddress.domainSocketAddress(d.files.socket().toString())).await();
            // Root-only: whoever can write to this socket controls the node.
            Files.setPosixFilePermissions(d.files.socket(), PosixFilePermissions.fromString("rw-------"));
            Files.writeString(d.files.pidFile(), Long.toString(ProcessHandle.current().pid()));
            return d;
        } catch (IOException | RuntimeException e) {
            d.close();
            throw e;
        }
    }

    public NodeFiles files() {
        return files;
    }

    private Router buildLocalRouter() {
        Router r = Router.router(vertx);
        BodyHandler small = BodyHandler.create().setBodyLimit(BODY_LIMIT);
        BodyHandler restore = BodyHandler.create().setBodyLimit(RESTORE_BODY_LIMIT);
        r.route().handler(ctx -> ("/v1/swarm/init".equals(ctx.request().path()) ? restore : small).handle(ctx));
        r.route().handler(ctx -> {
            ctx.put(Caller.KEY, Caller.localAdmin());
            ctx.next();
        });
        r.get("/v1/info").handler(ctx -> HttpJson.handle(ctx, c -> Future.succeededFuture(info())));
        r.post("/v1/swarm/init").handler(ctx -> HttpJson.handle(ctx, c -> {
            Wire.InitRequest req = HttpJson.body(c, Wire.InitRequest.class);
            return offLoop(() -> init(req));
        }));
        r.post("/v1/swarm/leave").handler(ctx -> HttpJson.handle(ctx, c -> {
            boolean force = "true".equals(c.queryParams().get("force"));
            return offLoop(() -> leave(force));
        }));
        r.post("/v1/swarm/force-new-cluster").handler(ctx -> HttpJson.handle(ctx, c -> offLoop(this::forceNewCluster)));
        r.post("/v1/swarm/join").handler(ctx -> HttpJson.handle(ctx, c -> {
            Wire.JoinRequest req = HttpJson.body(c, Wire.JoinRequest.class);
            return offLoop(() -> join(req));
        }));
        extension.mountLocal(r);
        ManagerRuntime m = manager;
        if (m != null) {
            mountManagerRoutes(r, m);
        } else {
            r.route("/v1/*").handler(ctx -> HttpJson.fail(ctx, new ApiException(503, null,
                    record == null ? "this node is not part of a cluster; run jswarm init or jswarm join"
                            : "this node is a worker; run the command on a manager")));
        }
        r.route().last().handler(ctx -> HttpJson.fail(ctx, ApiException.notFound("endpoint " + ctx.request().path())));
        return r;
    }

    /**
     * Runs init/join on the daemon's own thread: they block on Raft and on other nodes, and
     * Vert.x forbids awaiting its futures on its event loop and worker threads.
     */
    private <T> Future<T> offLoop(java.util.concurrent.Callable<T> work) {
        return Future.fromCompletionStage(java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return work.call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        }, bootstrap));
    }

    private void mountManagerRoutes(Router r, ManagerRuntime m) {
        new ControlApi(vertx, m.store, m.member).mount(r);
        new JoinApi(vertx, m.store, m.member, m::rootCa, options.certLifetime(), options.clock()).mount(r);
        new HeartbeatApi(m.dispatcher, m.store, m::heartbeatPeriod, m.member::leaderId).mount(r);
        io.jswarm.manager.api.OrchestrationRoutes.mount(vertx, r, m.store);
        new io.jswarm.manager.dispatcher.DispatchApi(vertx, m.store, m.dispatcher::leading).mount(r);
        new io.jswarm.manager.dispatcher.WorkerPortsApi(m.store).mount(r);
        logsFor(m).mount(r);
    }

    /** One log broker per manager runtime: the local API and the cluster port must share its queues. */
    private synchronized io.jswarm.manager.api.LogsApi logsFor(ManagerRuntime m) {
        if (logsOwner != m) {
            logs = new io.jswarm.manager.api.LogsApi(vertx, m.store);
            logsOwner = m;
        }
        return logs;
    }

    private Wire.Info info() {
        NodeRecord rec = record;
        if (rec == null) {
            return new Wire.Info("inactive", null, null, null, null);
        }
        return new Wire.Info("active", rec.nodeId(), rec.role().name().toLowerCase(), rec.clusterId(), rec.clusterAddr());
    }

    private synchronized Wire.Info init(Wire.InitRequest req) throws IOException {
        requireNotInCluster();
        Addresses.HostPort adv = Addresses.parse("advertiseAddr", req.advertiseAddr(), Addresses.CLUSTER_PORT);
        Addresses.HostPort listen = req.listenAddr() == null ? adv : Addresses.parse("listenAddr", req.listenAddr(), adv.port());
        Duration period0 = req.heartbeatPeriod() == null ? ManagerRuntime.DEFAULT_HEARTBEAT : req.heartbeatPeriod();
        if (period0.compareTo(Duration.ofMillis(100)) < 0 || period0.compareTo(Duration.ofHours(1)) > 0) {
            throw ApiException.badInput("heartbeatPeriod", "must be between 100ms and 1h");
        }
        Duration period = period0;
        Restore restore = req.restore() == null ? null : Restore.of(req.restore());
        String clusterId = restore != null ? restore.cluster().clusterId() : Ids.newId();
        String nodeId = Ids.newId();
        RootCa ca = restore != null ? restore.ca() : RootCa.create(clusterId, options.clock());
        if (restore != null && req.heartbeatPeriod() == null) {
            period = restore.cluster().heartbeatPeriod();
        }
        Duration lifetime = req.certLifetime() != null ? req.certLifetime()
                : restore != null && restore.cluster().certLifetime() != null ? restore.cluster().certLifetime()
                : options.certLifetime();
        if (lifetime.compareTo(Duration.ofSeconds(10)) < 0 || lifetime.compareTo(Duration.ofDays(3650)) > 0) {
            throw ApiException.badInput("certLifetime", "must be between 10s and 3650 days");
        }
        KeyPair kp = RootCa.newKeyPair();
        X509Certificate cert = ca.issue(kp.getPublic(), new NodeIdentity(nodeId, NodeRole.MANAGER, clusterId),
                List.of(adv.host()), lifetime, options.clock());
        NodeCredentials c = new NodeCredentials(kp.getPrivate(), cert, ca.certificate());
        c.save(files.certs());
        keys = new ReloadableKeyManager(c);
        NodeRecord rec = new NodeRecord(nodeId, clusterId, NodeRole.MANAGER, adv.host(), listen.host(), adv.port(),
                adv.port() + 1, List.of(adv.toString()));
        ManagerRuntime m = ManagerRuntime.start(vertx, files, rec, c, keys,
                List.of(new RaftPeerAddress(nodeId, rec.raftAddr())), options.raft(), options.clock());
        awaitLeader(m);
        Cluster cluster = restore != null
                ? new Cluster(Cluster.ID, null, clusterId, period, restore.cluster().caCertPem(), restore.cluster().caKeyPem(),
                        restore.cluster().workerSecret(), restore.cluster().managerSecret(), lifetime)
                : new Cluster(Cluster.ID, null, clusterId, period, Pem.write(ca.certificate()),
                        Pem.writePrivateKey(ca.key()), JoinToken.newSecret(), JoinToken.newSecret(), lifetime);
        Node self = new Node(nodeId, null, new NodeSpec(NodeRole.MANAGER, Availability.ACTIVE, Map.of()),
                new NodeDescription(options.hostname(), new Platform("linux", "amd64"), extension.resources(), null),
                new NodeStatus(NodeState.UNKNOWN, "", rec.clusterAddr()),
                new ManagerStatus(true, Reachability.REACHABLE, rec.raftAddr()));
        m.store.update(tx -> {
            if (restore != null) {
                restore.recreate(tx);
            }
            tx.create(Kind.CLUSTER, cluster);
            tx.create(Kind.NODES, self);
            return null;
        }).join();
        files.writeRecord(rec);
        activate(rec, c, m);
        LOG.info("initialized cluster {} with manager {} at {}", clusterId, nodeId, rec.clusterAddr());
        return info();
    }

    private static void awaitLeader(ManagerRuntime m) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!m.member.isLeader()) {
            if (System.nanoTime() > deadline) {
                throw new ApiException(503, null, "this manager did not become Raft leader within 30 s");
            }
            try {
                Thread.sleep(20); // waiting on Ratis' own election timer; there is no event to wait on here
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ApiException(503, null, "interrupted");
            }
        }
    }

    private void requireNotInCluster() throws IOException {
        if (record != null) {
            throw new ApiException(409, null, "this node is already part of cluster " + record.clusterId());
        }
        if (Files.exists(files.raft()) || Files.exists(files.certs())) {
            throw new ApiException(409, null, "the data directory " + files.dataDir()
                    + " holds state of an earlier cluster; remove it or use another --data-dir");
        }
    }

    private synchronized Wire.Info join(Wire.JoinRequest req) throws IOException {
        requireNotInCluster();
        JoinToken token;
        try {
            token = JoinToken.parse(req.token());
        } catch (InvalidTokenException e) {
            throw ApiException.badInput("token", stripField(e.getMessage()));
        }
        Addresses.HostPort remote = Addresses.parse("remoteAddr", req.remoteAddr(), Addresses.CLUSTER_PORT);
        Addresses.HostPort adv = Addresses.parse("advertiseAddr", req.advertiseAddr(), Addresses.CLUSTER_PORT);
        Addresses.HostPort listen = req.listenAddr() == null ? adv : Addresses.parse("listenAddr", req.listenAddr(), adv.port());
        X509Certificate ca;
        try {
            ca = CaPinning.fetchPinnedCa(remote.host(), remote.port(), token.caDigest(), 5000);
        } catch (InvalidTokenException e) {
            throw ApiException.badInput("token", e.getMessage());
        } catch (IOException e) {
            throw new ApiException(502, "remoteAddr", "cannot reach a manager at " + remote + ": " + e.getMessage());
        }
        KeyPair kp = RootCa.newKeyPair();
        ApiResponse resp;
        try (ApiClient pinned = ApiClient.pinned(vertx, ca, Duration.ofSeconds(15))) {
            resp = pinned.callAndWait(remote.toString(), HttpMethod.POST, "/v1/join", new Wire.JoinCall(token.toString(),
                    Pem.write(kp.getPublic()), options.hostname(), adv.host(), adv.port(), adv.port() + 1));
        }
        if (!resp.ok()) {
            throw new ApiException(resp.status() == 401 ? 401 : 502, resp.status() == 401 ? "token" : null,
                    "the manager refused the join: " + resp.error());
        }
        Wire.JoinAnswer answer = resp.as(Wire.JoinAnswer.class);
        X509Certificate cert = Pem.certificate(answer.certificatePem());
        NodeCredentials c = new NodeCredentials(kp.getPrivate(), cert, ca);
        NodeIdentity id = c.identity();
        if (!id.nodeId().equals(answer.nodeId()) || !new RootCa(ca, null).issued(cert, options.clock())) {
            throw new ApiException(502, null, "the manager answered with a certificate that does not match the join");
        }
        c.save(files.certs());
        keys = new ReloadableKeyManager(c);
        NodeRecord rec = new NodeRecord(id.nodeId(), id.clusterId(), id.role(), adv.host(), listen.host(), adv.port(),
                adv.port() + 1, answer.managerAddrs());
        ManagerRuntime m = null;
        if (id.role() == NodeRole.MANAGER) {
            List<RaftPeerAddress> peers = new ArrayList<>(answer.raftPeers());
            peers.add(new RaftPeerAddress(id.nodeId(), rec.raftAddr()));
            m = ManagerRuntime.start(vertx, files, rec, c, keys, peers, options.raft(), options.clock());
            try (ApiClient mtls = ApiClient.mutualTls(vertx, keys, c.ca(), Duration.ofSeconds(60))) {
                ApiResponse voter = mtls.callAndWait(remote.toString(), HttpMethod.POST, "/v1/managers/voter", Map.of());
                if (!voter.ok()) {
                    m.close();
                    throw new ApiException(502, null, "could not become a Raft voter: " + voter.error());
                }
            }
        }
        files.writeRecord(rec);
        activate(rec, c, m);
        LOG.info("joined cluster {} as {} {}", rec.clusterId(), rec.role().name().toLowerCase(), rec.nodeId());
        return info();
    }

    /**
     * Recovers a manager that lost its quorum for good: a new single-member Raft group holding
     * everything this manager had applied (its committed state). The other managers are dropped
     * from the node list; the old Raft directory is kept aside, not deleted.
     */
    private synchronized Wire.Info forceNewCluster() throws IOException {
        NodeRecord rec = record;
        ManagerRuntime old = manager;
        if (rec == null || old == null) {
            throw new ApiException(409, null, "only a manager can force a new cluster");
        }
        io.jswarm.manager.store.StoreSnapshot snapshot = old.store.state().snapshot();
        old.close();
        if (clusterServer != null) {
            clusterServer.close().toCompletionStage().toCompletableFuture().join();
        }
        Path aside = files.dataDir().resolve("raft.before-force-new-cluster-" + options.clock().millis());
        Files.move(files.raft(), aside);
        ManagerRuntime m = ManagerRuntime.start(vertx, files, rec, creds, keys,
                List.of(new RaftPeerAddress(rec.nodeId(), rec.raftAddr())), options.raft(), options.clock());
        awaitLeader(m);
        Restore restore = Restore.of(snapshot);
        m.store.update(tx -> {
            restore.recreateKeeping(tx, rec.nodeId());
            tx.create(Kind.CLUSTER, restore.cluster());
            return null;
        }).join();
        if (agent != null) {
            agent.close();
        }
        NodeRecord single = rec.withManagers(List.of(rec.clusterAddr()));
        files.writeRecord(single);
        activate(single, creds, m);
        LOG.warn("forced a new single-manager cluster from the state at index {}; old Raft data kept in {}",
                snapshot.index(), aside);
        return info();
    }

    /**
     * Leaves the cluster: stops the session (and Raft on a manager) and removes this node's
     * identity, certificates and Raft data, so the data directory can init or join again. The
     * managers see the node go DOWN; 'node rm' then removes it. A manager leaves only with
     * force: it stays a Raft voter in the others' configuration until it is removed there.
     */
    private synchronized Wire.Info leave(boolean force) throws IOException {
        NodeRecord rec = record;
        if (rec == null) {
            throw new ApiException(409, null, "this node is not part of a cluster");
        }
        if (rec.role() == NodeRole.MANAGER && !force) {
            throw new ApiException(409, "force", "this node is a manager: leaving can break the quorum of the"
                    + " remaining managers; remove it from a manager with 'node rm' after stopping it, or use --force");
        }
        if (renewer != null) {
            renewer.close();
            renewer = null;
        }
        if (agent != null) {
            agent.close();
            agent = null;
        }
        ManagerRuntime m = manager;
        manager = null;
        if (m != null) {
            m.close();
        }
        if (clusterServer != null) {
            clusterServer.close().toCompletionStage().toCompletableFuture().join();
            clusterServer = null;
        }
        record = null;
        creds = null;
        extension.left();
        localRouter = buildLocalRouter();
        for (Path p : List.of(files.nodeJson(), files.certs(), files.raft())) {
            deleteTree(p);
        }
        LOG.info("left cluster {}", rec.clusterId());
        return info();
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static String stripField(String message) {
        return message.startsWith("token: ") ? message.substring("token: ".length()) : message;
    }

    private void resume(NodeRecord rec) throws IOException {
        NodeCredentials c = NodeCredentials.load(files.certs());
        keys = new ReloadableKeyManager(c);
        ManagerRuntime m = null;
        if (rec.role() == NodeRole.MANAGER) {
            m = ManagerRuntime.start(vertx, files, rec, c, keys, List.of(new RaftPeerAddress(rec.nodeId(), rec.raftAddr())),
                    options.raft(), options.clock());
        }
        activate(rec, c, m);
        LOG.info("resumed as {} {} of cluster {}", rec.role().name().toLowerCase(), rec.nodeId(), rec.clusterId());
    }

    private void activate(NodeRecord rec, NodeCredentials c, ManagerRuntime m) {
        this.record = rec;
        this.creds = c;
        this.manager = m;
        this.tlsClient = ApiClient.mutualTls(vertx, keys, c.ca(), Duration.ofSeconds(5));
        if (m != null) {
            clusterServer = startClusterServer(rec, c, m);
        }
        localRouter = buildLocalRouter();
        List<String> managers = new ArrayList<>(rec.managerAddrs());
        if (m != null) {
            managers.remove(rec.clusterAddr());
            managers.add(0, rec.clusterAddr());
        }
        agent = new SessionAgent(vertx, tlsClient, rec.nodeId(), managers, addrs -> {
            try {
                record = record.withManagers(addrs);
                files.writeRecord(record);
            } catch (IOException e) {
                LOG.warn("cannot save the manager list: {}", e.getMessage());
            }
        });
        agent.start();
        if (renewer != null) {
            renewer.close();
        }
        renewer = new CertRenewer(vertx, files, tlsClient, keys, c, () -> {
            List<String> all = new ArrayList<>(record.managerAddrs());
            if (manager != null) {
                all.add(0, record.clusterAddr());
            }
            return all;
        }, options.clock(), renewed -> creds = renewed);
        SessionAgent session = agent;
        extension.activated(new NodeSession(vertx, files.dataDir(), rec.nodeId(), rec.clusterId(), rec.role(), rec.advertiseHost(),
                keys, c, () -> {
                    List<String> all = new ArrayList<>(record.managerAddrs());
                    if (manager != null) {
                        all.remove(record.clusterAddr());
                        all.add(0, record.clusterAddr());
                    }
                    return all;
                }, session::target, files.socket()));
    }

    private HttpServer startClusterServer(NodeRecord rec, NodeCredentials c, ManagerRuntime m) {
        Router r = Router.router(vertx);
        r.route().handler(BodyHandler.create().setBodyLimit(BODY_LIMIT));
        r.route().handler(ctx -> {
            ctx.put(Caller.KEY, Caller.fromTls(ctx, rec.clusterId()));
            ctx.next();
        });
        mountManagerRoutes(r, m);
        r.route().last().handler(ctx -> HttpJson.fail(ctx, ApiException.notFound("endpoint " + ctx.request().path())));
        // Client certificates are requested, not required: a joiner has none yet and may only call
        // /v1/join; a certificate that is offered must chain to the cluster CA or the handshake fails.
        HttpServerOptions o = new HttpServerOptions().setSsl(true)
                .setKeyCertOptions(KeyCertOptions.wrap(keys))
                .setTrustOptions(TrustOptions.wrap(c.trustManagers()))
                .setClientAuth(ClientAuth.REQUEST)
                .setEnabledSecureTransportProtocols(Set.of("TLSv1.3"));
        return vertx.createHttpServer(o).requestHandler(r)
                .listen(SocketAddress.inetSocketAddress(rec.clusterPort(), rec.listenHost())).await();
    }

    @Override
    public void close() {
        try {
            extension.close();
        } catch (RuntimeException e) {
            LOG.warn("closing the node's extensions: {}", e.getMessage());
        }
        if (renewer != null) {
            renewer.close();
        }
        SessionAgent a = agent;
        if (a != null) {
            a.close();
        }
        ManagerRuntime m = manager;
        if (m != null) {
            try {
                m.close();
            } catch (IOException | RuntimeException e) {
                LOG.warn("closing Raft: {}", e.getMessage());
            }
        }
        bootstrap.shutdownNow();
        try {
            vertx.close().await();
        } catch (RuntimeException e) {
            LOG.warn("closing Vert.x: {}", e.getMessage());
        }
        try {
            Files.deleteIfExists(files.socket());
            Files.deleteIfExists(files.pidFile());
        } catch (IOException ignored) {
            // best effort on the way out
        }
    }
}
