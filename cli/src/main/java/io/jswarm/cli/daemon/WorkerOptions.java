package io.jswarm.cli.daemon;

import io.jswarm.worker.network.Ipv4Cidr;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * How a node runs tasks. Null names are derived from the node id, so several daemons on one
 * machine (tests, the netns lab) get distinct bridges, nftables tables and cgroup parents.
 *
 * @param enabled  false: this node runs no tasks (a manager only; not advertised to the scheduler yet)
 * @param bridge   bridge interface; default {@code jsw-} + 8 characters of the node id
 * @param subnet   container subnet; default {@code 10.213.N.0/24} with N from the node id's hash
 *                 (pick one explicitly where that could collide with the host's networks)
 */
public record WorkerOptions(boolean enabled, String bridge, String subnet, List<String> insecureRegistries) {
    public WorkerOptions {
        insecureRegistries = insecureRegistries == null ? List.of() : List.copyOf(insecureRegistries);
        if (subnet != null) {
            Ipv4Cidr.parse(subnet); // fail at start-up, naming the option
        }
    }

    public static WorkerOptions defaults() {
        return new WorkerOptions(true, null, null, List.of());
    }

    String bridgeFor(String nodeId) {
        return bridge != null ? bridge : "jsw-" + nodeId.substring(0, Math.min(8, nodeId.length()));
    }

    Ipv4Cidr subnetFor(String nodeId) {
        if (subnet != null) {
            return Ipv4Cidr.parse(subnet);
        }
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(nodeId.getBytes(StandardCharsets.UTF_8));
            return Ipv4Cidr.parse("10.213." + (d[0] & 0xff) + ".0/24");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
