package io.jswarm.manager.node;

import io.jswarm.api.node.NodeResources;
import io.vertx.ext.web.Router;

/**
 * What the assembled daemon adds to a node without the manager module knowing it (the worker role
 * and the dashboard live in modules that depend on {@code manager}, never the other way round;
 * the {@code cli} module composes them). Calls come from the daemon's bootstrap thread or from
 * its start-up, one at a time.
 */
public interface NodeExtension extends AutoCloseable {
    /** Extra local-API routes (root-only Unix socket), mounted before the daemon's catch-alls. */
    default void mountLocal(Router local) {}

    /** The node has an identity (after init, join, resume or a forced new cluster); may be called again. */
    default void activated(NodeSession session) {}

    /** The node left its cluster: stop working for it and drop what belongs to it. */
    default void left() {}

    /** The node's capacity as reported at registration; null when unknown. */
    default NodeResources resources() {
        return null;
    }

    /** The daemon stops (the node stays in its cluster). */
    @Override
    default void close() {}

    NodeExtension NONE = new NodeExtension() {};
}
