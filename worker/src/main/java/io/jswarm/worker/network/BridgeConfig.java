package io.jswarm.worker.network;

import java.util.regex.Pattern;

/**
 * One node's local network. Every host-side name derives from these fields, so several nodes (and
 * test runs) on one machine never collide, and cleanup can find everything by name.
 *
 * @param bridge      the bridge interface (≤ 15 characters), e.g. jsw0
 * @param subnet      the node's container pool; the bridge takes its first address
 * @param nftTable    the node's own nftables table (family ip) for NAT and published ports
 * @param vethPrefix  prefix of host-side veth names (≤ 8 characters; 6 hex digits follow)
 * @param netnsPrefix prefix of container network namespace names under /run/netns
 * @param hostNetns   run the host side inside this named network namespace instead of the real
 *                    host's (tests and the netns lab); null for the real host
 */
public record BridgeConfig(String bridge, Ipv4Cidr subnet, String nftTable, String vethPrefix, String netnsPrefix, String hostNetns) {
    private static final Pattern IFNAME = Pattern.compile("[A-Za-z0-9_.-]{1,15}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    public BridgeConfig {
        if (!IFNAME.matcher(bridge).matches()) {
            throw new IllegalArgumentException("bridge name \"" + bridge + "\" must be 1-15 letters, digits, '_', '.' or '-'");
        }
        if (!IFNAME.matcher(vethPrefix).matches() || vethPrefix.length() > 8) {
            throw new IllegalArgumentException("veth prefix \"" + vethPrefix + "\" must be 1-8 letters or digits");
        }
        if (!NAME.matcher(nftTable).matches() || !NAME.matcher(netnsPrefix).matches()) {
            throw new IllegalArgumentException("nft table and netns prefix must be letters, digits, '_', '.' or '-'");
        }
    }

    public static BridgeConfig forNode(String nodeId, String bridge, Ipv4Cidr subnet) {
        return new BridgeConfig(bridge, subnet, "jswarm-" + nodeId, "jv", "jswarm-" + nodeId + "-", null);
    }

    public String netnsName(String containerId) {
        return netnsPrefix + containerId;
    }

    /** Host-side veth: prefix + 6 hex digits of the id's hash (interface names are at most 15 bytes). */
    public String hostVeth(String containerId) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(containerId.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return vethPrefix + java.util.HexFormat.of().formatHex(d, 0, 3);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
