package io.jswarm.worker.task;

import io.jswarm.worker.network.BridgeNetwork;
import io.jswarm.worker.runtime.ContainerRecord;
import io.jswarm.worker.runtime.ContainerRuntime;
import io.jswarm.worker.runtime.RecoveredContainer;
import java.util.List;

/**
 * What a worker does once at start-up, before it steps any task: find its containers, remove the
 * ones nothing describes, keep the addresses of the ones it found, and remove network namespaces
 * left by containers that no longer exist. Afterwards, stepping the re-sent assignments adopts
 * the found containers (see {@link ContainerController}).
 */
public final class NodeRecovery {
    private NodeRecovery() {}

    public record Result(List<RecoveredContainer> containers, List<String> reapedContainers, List<String> reapedNetworks) {}

    /** {@code network} may be null on nodes without a bridge. */
    public static Result run(ContainerRuntime runtime, BridgeNetwork network) {
        List<String> reaped = runtime.reapOrphans();
        List<RecoveredContainer> found = runtime.recover();
        List<String> reapedNets = List.of();
        if (network != null) {
            network.setUp();
            List<String> known = found.stream().map(RecoveredContainer::id).toList();
            for (String id : known) {
                runtime.load(id).map(ContainerRecord::ipAddress).ifPresent(ip -> network.restore(id, ip));
            }
            reapedNets = network.attachedIds().stream().filter(id -> !known.contains(id)).toList();
            reapedNets.forEach(network::detach);
        }
        return new Result(found, reaped, reapedNets);
    }
}
