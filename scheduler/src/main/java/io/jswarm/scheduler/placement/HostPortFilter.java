package io.jswarm.scheduler.placement;

import io.jswarm.api.service.Protocol;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A host-mode published port opens on the node itself, so two tasks publishing the same
 * port/protocol can never share a node — including two tasks of the same service.
 */
public final class HostPortFilter implements Filter {
    private final long[] ports;

    /** @param ports keys from {@link HostPorts#of} */
    public HostPortFilter(long[] ports) {
        this.ports = ports.clone();
    }

    @Override
    public boolean check(NodeInfo node) {
        for (long p : ports) {
            if (node.portUsed(p)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean dependsOnPlacements() {
        return true;
    }

    @Override
    public String explain(int nodes) {
        String list = Arrays.stream(ports)
                .mapToObj(p -> (p & 0xffffffffL) + "/" + Protocol.values()[(int) (p >>> 32)].wireName())
                .collect(Collectors.joining(", "));
        return "host port " + list + " already in use on " + Filter.nodes(nodes);
    }
}
