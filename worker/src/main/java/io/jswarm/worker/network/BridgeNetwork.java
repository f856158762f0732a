package io.jswarm.worker.network;

import io.jswarm.api.service.PortConfig;
import io.jswarm.worker.runtime.NetworkEndpoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A node's local container network: a bridge holding the subnet's first address, one network
 * namespace and veth pair per container (eth0 inside, attached to the bridge on the host side),
 * a default route via the bridge, masquerade to the outside, and DNAT for host-mode published
 * ports — all in the node's own nftables table, all named from {@link BridgeConfig} so that
 * {@link #tearDown()} and {@link #detach} find every piece by name.
 *
 * <p>Namespaces are created by {@code ip netns add} (a child process), never in the JVM.
 */
public final class BridgeNetwork {
    private final BridgeConfig config;
    private final HostSide host;
    private final Ipam ipam;

    public BridgeNetwork(BridgeConfig config) {
        this.config = config;
        this.host = new HostSide(config.hostNetns());
        this.ipam = new Ipam(config.subnet());
    }

    public BridgeConfig config() {
        return config;
    }

    /**
     * Creates (or re-creates) the bridge and the NAT table and turns on forwarding. Idempotent:
     * a restarted worker calls it again without disturbing running containers' veths.
     */
    public synchronized void setUp() {
        if (!host.tryRun(host.ip("link", "show", "dev", config.bridge())).ok()) {
            host.run(host.ip("-batch", "-"), "link add " + config.bridge() + " type bridge\n"
                    + "addr add " + config.subnet().gateway() + "/" + config.subnet().prefix() + " dev " + config.bridge() + "\n"
                    + "link set " + config.bridge() + " up\n");
        }
        host.sysctlWrite("net.ipv4.ip_forward", "1");
        // Lets the host's own 127.0.0.1 reach a published port: the DNATed packet keeps its
        // loopback source on its way out of the bridge (then masqueraded to the gateway).
        host.sysctlWrite("net.ipv4.conf." + config.bridge() + ".route_localnet", "1");
        if (!host.tryRun(host.tool("nft", "list", "table", "ip", config.nftTable())).ok()) {
            host.run(host.tool("nft", "-f", "-"), NftRules.table(config));
        }
    }

    /**
     * Gives {@code containerId} a network namespace with eth0 on the bridge, an address and a
     * default route. Only for a container that has not been created: leftovers of an earlier
     * attempt under the same id are removed first.
     */
    public synchronized NetworkEndpoint attach(String containerId) {
        String ns = config.netnsName(containerId);
        String veth = config.hostVeth(containerId);
        if (Files.exists(netnsPath(containerId)) || host.tryRun(host.ip("link", "show", "dev", veth)).ok()) {
            // Left by a worker that died between attach and create: its address is not known
            // any more, so the pieces are rebuilt rather than trusted.
            detach(containerId);
        }
        String ip = ipam.allocate(containerId);
        try {
            host.run(List.of("ip", "netns", "add", ns));
            host.run(host.ip("-batch", "-"), "link add " + veth + " type veth peer name eth0 netns " + ns + "\n"
                    + "link set " + veth + " master " + config.bridge() + "\n"
                    + "link set " + veth + " up\n");
            host.run(List.of("ip", "-n", ns, "-batch", "-"), "link set lo up\n"
                    + "addr add " + ip + "/" + config.subnet().prefix() + " dev eth0\n"
                    + "link set eth0 up\n"
                    + "route add default via " + config.subnet().gateway() + "\n");
        } catch (RuntimeException e) {
            detach(containerId);
            throw e;
        }
        return new NetworkEndpoint(netnsPath(containerId).toString(), ip);
    }

    public Path netnsPath(String containerId) {
        return Path.of("/run/netns", config.netnsName(containerId));
    }

    /** Records an attachment found after a worker restart, so its address is not handed out again. */
    public synchronized void restore(String containerId, String ip) {
        ipam.restore(containerId, ip);
    }

    /** DNATs each published port on this node to the container (TCP and UDP). */
    public synchronized void publish(String containerId, List<PortConfig> ports) {
        if (ports.isEmpty()) {
            return;
        }
        String ip = ipam.addressOf(containerId).orElseThrow(() ->
                new IllegalStateException("container " + containerId + " is not attached to " + config.bridge()));
        String listing = host.run(host.tool("nft", "list", "chain", "ip", config.nftTable(), "prerouting"));
        for (PortConfig p : ports) {
            if (p.publishedPort() != null) {
                NftRules.holderOf(listing, p.protocol().wireName(), p.publishedPort()).filter(h -> !h.equals(containerId))
                        .ifPresent(holder -> {
                            throw new IllegalStateException("port " + p.publishedPort() + "/" + p.protocol().wireName()
                                    + " is already published on this node by " + holder);
                        });
            }
        }
        host.run(host.tool("nft", "-f", "-"), NftRules.publish(config, containerId, ip, ports));
    }

    /**
     * Removes the container's published ports, veth and namespace, and frees its address. The
     * host-side veth goes first: namespace deletion is asynchronous, and a veth left to die with
     * it would block re-creating the same name right away. Idempotent.
     */
    public synchronized void detach(String containerId) {
        unpublish(containerId);
        String veth = config.hostVeth(containerId);
        if (host.tryRun(host.ip("link", "show", "dev", veth)).ok()) {
            host.run(host.ip("link", "del", veth));
        }
        if (Files.exists(netnsPath(containerId))) {
            host.run(List.of("ip", "netns", "del", config.netnsName(containerId)));
        }
        ipam.release(containerId);
    }

    /**
     * Removes the container's published ports only (its address, veth and namespace stay): an
     * exited container keeps its logs until it is removed, but must not hold its host port, or
     * its replacement on this node could not publish it. Idempotent.
     */
    public synchronized void unpublish(String containerId) {
        for (String chain : List.of("prerouting", "output")) {
            var listing = host.tryRun(host.tool("nft", "-a", "list", "chain", "ip", config.nftTable(), chain));
            if (listing.ok()) {
                for (long handle : NftRules.handlesFor(listing.stdout(), containerId)) {
                    host.run(host.tool("nft", "delete", "rule", "ip", config.nftTable(), chain, "handle", String.valueOf(handle)));
                }
            }
        }
    }

    /** Ids of the containers that have a network namespace of this node (from /run/netns). */
    public List<String> attachedIds() {
        Path dir = Path.of("/run/netns");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(config.netnsPrefix()))
                    .map(n -> n.substring(config.netnsPrefix().length())).sorted().toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Removes the bridge and the node's table (containers must be detached first). */
    public synchronized void tearDown() {
        host.tryRun(host.tool("nft", "delete", "table", "ip", config.nftTable()));
        if (host.tryRun(host.ip("link", "show", "dev", config.bridge())).ok()) {
            host.run(host.ip("link", "del", config.bridge()));
        }
    }
}
