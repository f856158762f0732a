package io.jswarm.manager.node;

import io.jswarm.api.node.NodeRole;
import io.jswarm.manager.ca.NodeCredentials;
import io.jswarm.manager.ca.ReloadableKeyManager;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * A node's identity and channels as an {@link NodeExtension} sees them.
 *
 * @param keys      the node's key and certificate (renewed in place), for mTLS clients of its own
 * @param managers  the cluster addresses of the managers this node knows (its own first on a manager)
 * @param leader    where the heartbeat session last found the leader (null when not known yet)
 * @param localApi  this node's local API socket (root only)
 */
public record NodeSession(Vertx vertx, Path dataDir, String nodeId, String clusterId, NodeRole role, String advertiseHost,
        ReloadableKeyManager keys, NodeCredentials credentials, Supplier<List<String>> managers, Supplier<String> leader,
        Path localApi) {}
