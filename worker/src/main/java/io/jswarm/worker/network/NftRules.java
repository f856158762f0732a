package io.jswarm.worker.network;

import io.jswarm.api.service.PortConfig;
import io.jswarm.api.service.Protocol;
import java.util.ArrayList;
import java.util.List;

/**
 * The nftables text of a node's NAT table and of one container's published ports. Pure, so the
 * rules are reviewed in tests; {@link BridgeNetwork} feeds them to {@code nft -f -}.
 *
 * <p>Published ports are DNAT rules in prerouting (traffic from outside) and in output (traffic
 * from the host itself, including 127.0.0.1, which then needs route_localnet on the bridge and a
 * masquerade so the container can answer). Each rule carries the container id as its comment,
 * which is how removal finds them.
 */
public final class NftRules {
    private NftRules() {}

    public static String table(BridgeConfig c) {
        String t = c.nftTable();
        return "table ip " + t + " {}\n"
                + "delete table ip " + t + "\n"
                + "table ip " + t + " {\n"
                + "  chain prerouting { type nat hook prerouting priority -100; policy accept; }\n"
                + "  chain output { type nat hook output priority -100; policy accept; }\n"
                + "  chain postrouting { type nat hook postrouting priority 100; policy accept;\n"
                + "    ip saddr " + c.subnet() + " oifname != \"" + c.bridge() + "\" masquerade\n"
                + "    ip saddr 127.0.0.0/8 oifname \"" + c.bridge() + "\" masquerade\n"
                + "  }\n"
                + "}\n";
    }

    public static String publish(BridgeConfig c, String containerId, String containerIp, List<PortConfig> ports) {
        List<String> lines = new ArrayList<>();
        for (PortConfig p : ports) {
            if (p.publishedPort() == null) {
                throw new IllegalArgumentException("port " + p.targetPort() + " has no published port");
            }
            if (p.protocol() == Protocol.SCTP) {
                throw new IllegalArgumentException("published port " + p.publishedPort() + ": sctp is not supported");
            }
            String proto = p.protocol().wireName();
            String rule = "fib daddr type local " + proto + " dport " + p.publishedPort() + " dnat to " + containerIp + ":"
                    + p.targetPort() + " comment \"" + containerId + "\"";
            lines.add("add rule ip " + c.nftTable() + " prerouting " + rule);
            lines.add("add rule ip " + c.nftTable() + " output " + rule);
        }
        return String.join("\n", lines) + "\n";
    }

    /** Handles of the rules of {@code nft -a list chain …} output whose comment is {@code containerId}. */
    public static List<Long> handlesFor(String chainListing, String containerId) {
        List<Long> handles = new ArrayList<>();
        String tag = "comment \"" + containerId + "\"";
        for (String line : chainListing.lines().toList()) {
            int h = line.lastIndexOf("# handle ");
            if (line.contains(tag) && h > 0) {
                handles.add(Long.parseLong(line.substring(h + "# handle ".length()).strip()));
            }
        }
        return handles;
    }

    /**
     * The container already holding {@code proto} port {@code port} in a chain listing, if any
     * (the kernel's table is the truth, also right after a worker restart).
     */
    public static java.util.Optional<String> holderOf(String chainListing, String proto, int port) {
        String needle = proto + " dport " + port + " ";
        for (String line : chainListing.lines().toList()) {
            int c = line.indexOf("comment \"");
            if (line.contains(needle) && c > 0) {
                int end = line.indexOf('"', c + 9);
                return java.util.Optional.of(line.substring(c + 9, end));
            }
        }
        return java.util.Optional.empty();
    }
}
