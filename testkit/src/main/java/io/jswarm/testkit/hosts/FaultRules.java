package io.jswarm.testkit.hosts;

import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * Renders the nftables scripts a host's namespace carries for its faults. Pure text, so the rules
 * can be read and tested without a kernel.
 *
 * <p>Each script replaces its table atomically ({@code add} + {@code delete} + define in one
 * {@code nft -f} transaction), so a fault is never half-applied. Loopback is always exempt: a host
 * partitioned from the network still talks to itself, as a real machine would.
 */
final class FaultRules {
    /** Table holding partition drops (whole host, or only some peers). */
    static final String PARTITION_TABLE = "jswarm_fault";
    /** Table holding random packet loss; separate so loss and partitions combine and heal separately. */
    static final String LOSS_TABLE = "jswarm_loss";

    private FaultRules() {}

    /** Drops every packet entering or leaving the host except on loopback: a silent partition. */
    static String isolate() {
        return replace(PARTITION_TABLE, 0, List.of("iif != \"lo\" drop"), List.of("oif != \"lo\" drop"));
    }

    /** Drops packets from and to the given peer addresses only (one side of a partial partition). */
    static String blockPeers(Collection<String> peerAddresses) {
        if (peerAddresses.isEmpty()) {
            throw new IllegalArgumentException("peerAddresses: at least one peer is needed");
        }
        String set = "{ " + String.join(", ", new TreeSet<>(peerAddresses)) + " }";
        return replace(PARTITION_TABLE, 0, List.of("ip saddr " + set + " drop"), List.of("ip daddr " + set + " drop"));
    }

    /**
     * Drops each non-loopback packet, in each direction, with probability {@code percent}/100.
     * nftables' {@code numgen random mod 100} yields 0..99 and nft refuses to compare it with 100,
     * so 100% is rendered as an unconditional drop.
     */
    static String loss(int percent) {
        if (percent < 1 || percent > 100) {
            throw new IllegalArgumentException("percent: must be 1..100 for a loss rule, got " + percent);
        }
        String rule = percent == 100 ? "drop" : "numgen random mod 100 < " + percent + " drop";
        // Priority -1: evaluated before the partition table, independent of it.
        return replace(LOSS_TABLE, -1, List.of("iif != \"lo\" " + rule), List.of("oif != \"lo\" " + rule));
    }

    /** Removes a table if present (the add makes the delete succeed when it is absent). */
    static String remove(String table) {
        return "add table inet " + table + "\ndelete table inet " + table + "\n";
    }

    private static String replace(String table, int priority, List<String> input, List<String> output) {
        StringBuilder s = new StringBuilder(remove(table));
        s.append("table inet ").append(table).append(" {\n");
        chain(s, "input", priority, input);
        chain(s, "output", priority, output);
        return s.append("}\n").toString();
    }

    private static void chain(StringBuilder s, String hook, int priority, List<String> rules) {
        s.append("  chain ").append(hook).append(" {\n");
        s.append("    type filter hook ").append(hook).append(" priority ").append(priority).append("; policy accept;\n");
        for (String r : rules) {
            s.append("    ").append(r).append("\n");
        }
        s.append("  }\n");
    }
}
