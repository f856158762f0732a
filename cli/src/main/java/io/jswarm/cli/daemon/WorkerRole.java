package io.jswarm.cli.daemon;

import io.jswarm.api.node.NodeRole;
import io.jswarm.manager.client.ApiClient;
import io.jswarm.manager.node.NodeSession;
import io.jswarm.worker.agent.AgentConfig;
import io.jswarm.worker.agent.ContainerControllers;
import io.jswarm.worker.agent.RuntimeNodeContainers;
import io.jswarm.worker.agent.StoreImageSource;
import io.jswarm.worker.agent.WorkerAgent;
import io.jswarm.worker.network.BridgeConfig;
import io.jswarm.worker.network.BridgeNetwork;
import io.jswarm.worker.runtime.ContainerRuntime;
import io.jswarm.worker.runtime.RuntimeConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker role of a node daemon (every node, managers included, unless turned off): the
 * {@link WorkerAgent} over runc, the node's bridge and the image store, recovered from disk first,
 * and connected to the managers by a {@link DispatcherClient} (assignments) and a
 * {@link StatusSender} (status batches) over the cluster's mutual TLS.
 *
 * <p>State: {@code <data-dir>/worker} (containers/, volumes/, runc/); images in
 * {@code <data-dir>/images}. Stopping the daemon leaves containers running (a restarted daemon
 * adopts them); leaving the cluster stops and removes them, the bridge, the nftables table and the
 * node's cgroup parent.
 */
final class WorkerRole implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WorkerRole.class);
    /** Longer than the dispatcher's 5 s long poll. */
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(20);

    private final WorkerOptions options;
    private final StoreImageSource images;
    private final Clock clock;
    private final ServicePorts ports = new ServicePorts();
    private ScheduledExecutorService health;
    private ContainerRuntime runtime;
    private BridgeNetwork network;
    private WorkerAgent agent;
    private ApiClient client;
    private DispatcherClient dispatcher;
    private StatusSender sender;
    private LogServer logServer;

    WorkerRole(WorkerOptions options, StoreImageSource images, Clock clock) {
        this.options = options;
        this.images = images;
        this.clock = clock;
    }

    static Path stateDir(Path dataDir) {
        return dataDir.resolve("worker");
    }

    synchronized void activate(NodeSession s) {
        if (agent == null) {
            requireTools();
            runtime = ContainerRuntime.onThisHost(RuntimeConfig.of(stateDir(s.dataDir()), s.nodeId(), clock));
            network = new BridgeNetwork(BridgeConfig.forNode(s.nodeId(), options.bridgeFor(s.nodeId()), options.subnetFor(s.nodeId())));
            health = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "jswarm-health");
                t.setDaemon(true);
                return t;
            });
            sender = null;
        }
        stopSession();
        client = ApiClient.mutualTls(s.vertx(), s.keys(), s.credentials().ca(), CALL_TIMEOUT);
        ManagerTarget target = new ManagerTarget(s.managers(), s.leader());
        sender = new StatusSender(client, s.nodeId(), target);
        sender.start();
        if (agent == null) {
            agent = new WorkerAgent(new ContainerControllers(runtime, network, images, ports::of, health, clock),
                    new RuntimeNodeContainers(runtime, network), batch -> currentSender().report(batch),
                    AgentConfig.defaults(), clock);
            agent.start();
            LOG.info("worker role started for {} node {} (bridge {}, subnet {}, cgroup parent {})",
                    s.role() == NodeRole.MANAGER ? "manager" : "worker", s.nodeId(), network.config().bridge(),
                    network.config().subnet(), runtime.config().cgroupParent());
        }
        dispatcher = new DispatcherClient(client, s.nodeId(), target, agent, ports);
        dispatcher.start();
        logServer = new LogServer(client, s.nodeId(), runtime, s.managers().get());
        logServer.start();
    }

    private synchronized StatusSender currentSender() {
        return sender;
    }

    /** A clear error at start-up instead of every task failing with "No such file". */
    private static void requireTools() {
        if (!Files.isExecutable(RuntimeConfig.DEBIAN_TINI)) {
            throw new IllegalStateException(RuntimeConfig.DEBIAN_TINI + " is missing: run bin/install-deps (Debian package tini)");
        }
        boolean runc = java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "/usr/sbin:/usr/bin").split(":"))
                .anyMatch(d -> Files.isExecutable(Path.of(d, "runc"))) || Files.isExecutable(Path.of("/usr/sbin/runc"));
        if (!runc) {
            throw new IllegalStateException("runc is missing: run bin/install-deps (Debian package runc)");
        }
    }

    private void stopSession() {
        if (logServer != null) {
            logServer.close();
            logServer = null;
        }
        if (dispatcher != null) {
            dispatcher.close();
            dispatcher = null;
        }
        if (sender != null) {
            sender.close(Duration.ofSeconds(2));
        }
        if (client != null) {
            client.close();
            client = null;
        }
    }

    /** The node left its cluster: its containers are stopped and removed, and its network and cgroup parent go too. */
    synchronized void left() {
        if (agent == null) {
            return;
        }
        if (logServer != null) {
            logServer.close();
            logServer = null;
        }
        if (dispatcher != null) {
            dispatcher.close();
            dispatcher = null;
        }
        agent.full(List.of());
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!runtime.containerIds().isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100); // polling the agent's removals; it has no completion signal
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (!runtime.containerIds().isEmpty()) {
            LOG.warn("containers still on disk after leaving: {}", runtime.containerIds());
        }
        close();
        try {
            network.tearDown();
            runtime.cgroups().remove("/" + runtime.config().cgroupParent());
        } catch (RuntimeException e) {
            LOG.warn("cleaning up the node's network and cgroup parent: {}", e.getMessage());
        }
        agent = null;
    }

    /** The daemon stops: the containers keep running; a restarted daemon adopts them. */
    @Override
    public synchronized void close() {
        stopSession();
        if (agent != null) {
            agent.close(Duration.ofSeconds(20));
        }
        if (health != null) {
            health.shutdownNow();
        }
    }
}
