package io.jswarm.testkit.hosts;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The wiring of a run: one bridge in the root namespace with no address, and per host a network
 * namespace whose {@code eth0} is a veth enslaved to that bridge. The bridge only switches between
 * the run's namespaces; with no address on it and no default route inside the namespaces, no packet
 * can be routed off the machine.
 *
 * <p>Creation is one {@code ip -batch} in the root namespace plus one per namespace (a few ms each,
 * against ~10 ms per host as separate calls).
 */
final class HostNetwork {
    private HostNetwork() {}

    static void create(RunNames names, Subnet subnet, int hosts) {
        StringBuilder root = new StringBuilder();
        root.append("link add ").append(names.bridge()).append(" type bridge\n");
        root.append("link set ").append(names.bridge()).append(" up\n");
        for (int i = 1; i <= hosts; i++) {
            root.append("netns add ").append(names.netns(i)).append('\n');
            // The peer is created directly inside the namespace under a temporary name: "eth0"
            // would clash with the root namespace's own eth0 if created there first.
            root.append("link add ").append(names.hostVeth(i)).append(" type veth peer name ")
                    .append(names.peerVeth(i)).append(" netns ").append(names.netns(i)).append('\n');
            root.append("link set ").append(names.hostVeth(i)).append(" master ").append(names.bridge()).append(" up\n");
        }
        Command.runWithInput(root.toString(), "ip", "-batch", "-");
        for (int i = 1; i <= hosts; i++) {
            String ns = "link set " + names.peerVeth(i) + " name " + RunNames.NS_IFACE + "\n"
                    + "addr add " + subnet.address(i) + "/24 dev " + RunNames.NS_IFACE + "\n"
                    + "link set " + RunNames.NS_IFACE + " up\n"
                    + "link set lo up\n";
            Command.runWithInput(ns, "ip", "-n", names.netns(i), "-batch", "-");
        }
    }

    /**
     * Deletes the links and namespaces whose names satisfy {@code ours}. Host-side veths go first
     * (which destroys both ends), because namespace deletion is asynchronous and would leave the
     * pair alive for a moment; then bridges, then the namespaces. Only existing objects are
     * deleted, so a repeated call is a no-op and real failures are not hidden among "not found"s.
     */
    static void destroy(Predicate<String> ours) {
        List<String> links = links().stream().filter(ours).toList();
        StringBuilder batch = new StringBuilder();
        List<String> bridges = new ArrayList<>();
        for (String l : links) {
            if (l.endsWith("-br")) {
                bridges.add(l);
            } else {
                batch.append("link del ").append(l).append('\n');
            }
        }
        for (String b : bridges) {
            batch.append("link del ").append(b).append('\n');
        }
        for (String ns : namespaces()) {
            if (ours.test(ns)) {
                batch.append("netns del ").append(ns).append('\n');
            }
        }
        if (batch.length() > 0) {
            // -force: keep going if one object vanished between listing and deleting (a veth
            // disappears with its peer); whatever is left is reported by the callers' checks.
            Command.exec(List.of("ip", "-force", "-batch", "-"), batch.toString(), java.time.Duration.ofSeconds(20));
        }
    }

    /** Interface names in the root namespace. */
    static List<String> links() {
        List<String> names = new ArrayList<>();
        for (String line : Command.run("ip", "-o", "link", "show").output().split("\n")) {
            String[] f = line.split(":\\s+", 3);
            if (f.length >= 2) {
                String n = f[1];
                int at = n.indexOf('@');
                names.add(at >= 0 ? n.substring(0, at) : n.strip());
            }
        }
        return names;
    }

    /** Names under /run/netns. */
    static List<String> namespaces() {
        List<String> names = new ArrayList<>();
        for (String line : Command.run("ip", "netns", "list").output().split("\n")) {
            String n = line.strip();
            if (!n.isEmpty()) {
                int sp = n.indexOf(' ');
                names.add(sp >= 0 ? n.substring(0, sp) : n);
            }
        }
        return names;
    }
}
