package io.jswarm.worker.task;

import io.jswarm.api.service.PortConfig;
import io.jswarm.api.task.ContainerSpec;
import io.jswarm.api.task.HealthState;
import io.jswarm.api.task.Task;
import io.jswarm.worker.health.HealthMonitor;
import io.jswarm.worker.health.HealthProber;
import io.jswarm.worker.network.BridgeNetwork;
import io.jswarm.worker.runtime.CommandFailedException;
import io.jswarm.worker.runtime.ContainerRecord;
import io.jswarm.worker.runtime.ContainerRequest;
import io.jswarm.worker.runtime.ContainerRuntime;
import io.jswarm.worker.runtime.ContainerStartException;
import io.jswarm.worker.runtime.ExitStatus;
import io.jswarm.worker.runtime.NetworkEndpoint;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Runs one task as one container (container id = task id). Every step first looks at what is on
 * disk, so after a worker restart the same calls adopt the existing container instead of creating
 * a second one: prepare finds it prepared, start finds it started.
 */
public final class ContainerController implements Controller {
    /** Docker's default stop grace period. */
    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(10);

    private final Task task;
    private final ContainerRuntime runtime;
    private final BridgeNetwork network;
    private final ImageSource images;
    private final List<PortConfig> hostPorts;
    /** Set once the exit was seen and the ports were unpublished (not persisted: unpublishing again is harmless). */
    private boolean portsReleased;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private HealthMonitor health;
    private ContainerSpec effectiveSpec;

    /**
     * @param network   the node's bridge, or null for containers with an isolated, empty netns
     * @param hostPorts host-mode published ports of the task's service
     */
    public ContainerController(Task task, ContainerRuntime runtime, BridgeNetwork network, ImageSource images,
            List<PortConfig> hostPorts, ScheduledExecutorService scheduler, Clock clock) {
        this.task = task;
        this.runtime = runtime;
        this.network = network;
        this.images = images;
        this.hostPorts = List.copyOf(hostPorts);
        this.scheduler = scheduler;
        this.clock = clock;
    }

    private String id() {
        return task.id();
    }

    /**
     * The spec the container was created with (the task's, completed from its image: health
     * check, stop signal), read from its record so that it is the same after a worker restart;
     * the task's own spec before the container exists.
     */
    private ContainerSpec spec() {
        if (effectiveSpec == null) {
            // A record's spec never changes after create, so it is read once.
            effectiveSpec = runtime.load(id()).map(ContainerRecord::spec).orElse(null);
        }
        return effectiveSpec != null ? effectiveSpec : task.spec().container();
    }

    @Override
    public synchronized void prepare() {
        Optional<ContainerRecord> existing = runtime.load(id());
        if (existing.isPresent()) {
            // Prepared before a restart: adopt it, and keep its address out of the pool.
            if (network != null && existing.get().ipAddress() != null) {
                network.restore(id(), existing.get().ipAddress());
            }
            return;
        }
        ResolvedImage image = images.resolve(task.spec().container().image());
        ContainerSpec effective = EffectiveSpec.of(task.spec().container(), image);
        NetworkEndpoint endpoint = null;
        try {
            endpoint = network == null ? null : network.attach(id());
            runtime.create(new ContainerRequest(id(), effective, task.spec().resources().limits(), image.prepared(), endpoint));
        } catch (RuntimeException e) {
            if (network != null) {
                network.detach(id()); // a rejected task keeps no address, veth or netns
            }
            throw e instanceof ControllerException ce ? ce : new ControllerException(e.getMessage(), e);
        }
    }

    @Override
    public synchronized void start() {
        ContainerRecord rec = runtime.load(id()).orElseThrow(() -> new ControllerException("container " + id() + " was not prepared"));
        if (rec.shimPid() == null) {
            try {
                if (network != null) {
                    network.publish(id(), hostPorts);
                }
                runtime.start(id());
            } catch (ContainerStartException | CommandFailedException e) {
                throw new ControllerException(e.getMessage(), e);
            }
        }
        startHealth();
    }

    private void startHealth() {
        if (health == null) {
            var check = spec().healthcheck();
            if (check != null && !check.disabled() && !check.test().isEmpty() && runtime.exitStatus(id()).isEmpty()) {
                health = new HealthMonitor(id(), check, new HealthProber(runtime), scheduler, clock);
            }
        }
    }

    @Override
    public synchronized Observation observe() {
        if (runtime.load(id()).isEmpty()) {
            stopHealth();
            throw new ControllerException("container " + id() + " no longer exists on this node");
        }
        Optional<ExitStatus> exit = runtime.exitStatus(id());
        if (exit.isPresent()) {
            stopHealth();
            releasePorts();
            return Observation.exited(exit.get());
        }
        startHealth(); // after a worker restart the monitor starts on the first look
        runtime.rotateLogs(id());
        HealthState h = health == null ? HealthState.NONE : health.state();
        return Observation.running(runtime.pid(id()).orElse(null), h, h == HealthState.UNHEALTHY ? health.reason() : null);
    }

    @Override
    public synchronized void shutdown() {
        stopHealth();
        Optional<ContainerRecord> rec = runtime.load(id());
        if (rec.isEmpty() || rec.get().shimPid() == null) {
            return;
        }
        ContainerSpec spec = rec.get().spec();
        String signal = spec.stopSignal() == null || spec.stopSignal().isBlank() ? "TERM" : spec.stopSignal();
        Duration grace = spec.stopGracePeriod() == null ? DEFAULT_GRACE : spec.stopGracePeriod();
        try {
            runtime.stop(id(), signal, grace);
        } catch (CommandFailedException e) {
            throw new ControllerException(e.getMessage(), e);
        }
        releasePorts();
    }

    @Override
    public synchronized void terminate() {
        stopHealth();
        Optional<ContainerRecord> rec = runtime.load(id());
        if (rec.isPresent() && rec.get().shimPid() != null) {
            runtime.stop(id(), "KILL", Duration.ZERO);
        }
        releasePorts();
    }

    @Override
    public synchronized void remove() {
        stopHealth();
        try {
            runtime.remove(id());
        } finally {
            if (network != null) {
                network.detach(id());
            }
        }
    }

    /** An exited container frees its host ports at once (Docker does too), so a replacement here can take them. */
    private void releasePorts() {
        if (network != null && !hostPorts.isEmpty() && !portsReleased) {
            network.unpublish(id());
            portsReleased = true;
        }
    }

    private void stopHealth() {
        if (health != null) {
            health.close();
            health = null;
        }
    }
}
