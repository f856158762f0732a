package io.jswarm.scheduler.placement;

/** Only a node whose heartbeats say READY takes tasks (DOWN, DISCONNECTED, UNKNOWN do not). */
public final class NodeReadyFilter implements Filter {
    @Override
    public boolean check(NodeInfo node) {
        return node.ready();
    }

    @Override
    public String explain(int nodes) {
        return Filter.nodes(nodes) + " not ready";
    }
}
