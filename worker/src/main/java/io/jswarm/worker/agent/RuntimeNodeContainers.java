package io.jswarm.worker.agent;

import io.jswarm.api.task.ContainerSpec;
import io.jswarm.worker.network.BridgeNetwork;
import io.jswarm.worker.runtime.ContainerRecord;
import io.jswarm.worker.runtime.ContainerRuntime;
import io.jswarm.worker.task.ContainerController;
import io.jswarm.worker.task.NodeRecovery;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** {@link NodeContainers} over the node's {@link ContainerRuntime} and bridge. */
public final class RuntimeNodeContainers implements NodeContainers {
    private static final System.Logger LOG = System.getLogger(RuntimeNodeContainers.class.getName());

    private final ContainerRuntime runtime;
    private final BridgeNetwork network;

    /** @param network null on nodes without a bridge */
    public RuntimeNodeContainers(ContainerRuntime runtime, BridgeNetwork network) {
        this.runtime = runtime;
        this.network = network;
    }

    @Override
    public void recover() {
        NodeRecovery.Result r = NodeRecovery.run(runtime, network);
        LOG.log(System.Logger.Level.INFO, "recovered {0} container(s), reaped {1} orphan(s) and {2} network namespace(s)",
                r.containers().size(), r.reapedContainers().size(), r.reapedNetworks().size());
    }

    @Override
    public Set<String> ids() {
        return new TreeSet<>(runtime.containerIds());
    }

    @Override
    public void stopAndRemove(String id) {
        Optional<ContainerRecord> rec = runtime.load(id);
        if (rec.isPresent() && rec.get().shimPid() != null && runtime.exitStatus(id).isEmpty()) {
            ContainerSpec spec = rec.get().spec();
            String signal = spec.stopSignal() == null || spec.stopSignal().isBlank() ? "TERM" : spec.stopSignal();
            Duration grace = spec.stopGracePeriod() == null ? ContainerController.DEFAULT_GRACE : spec.stopGracePeriod();
            runtime.stop(id, signal, grace);
        }
        try {
            runtime.remove(id);
        } finally {
            if (network != null) {
                network.detach(id);
            }
        }
    }
}
