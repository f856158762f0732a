package io.jswarm.worker.network;

import io.jswarm.worker.runtime.Command;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A network namespace standing in for the host, so network tests never touch the real host's
 * interfaces, forwarding or firewall: the bridge, NAT table and published ports all live inside
 * it, and deleting it at the end takes everything with it.
 */
public final class NetworkLab implements AutoCloseable {
    public final String name;
    public final BridgeNetwork network;

    public NetworkLab(String node) {
        name = node + "-lab";
        run("ip", "netns", "add", name);
        run("ip", "-n", name, "link", "set", "lo", "up");
        Ipv4Cidr subnet = Ipv4Cidr.parse("10.213." + ThreadLocalRandom.current().nextInt(1, 250) + ".0/24");
        network = new BridgeNetwork(new BridgeConfig("jb" + node, subnet, "jswarm-" + node, "j" + node.substring(1, 5),
                node + "-", name));
        try {
            network.setUp();
        } catch (RuntimeException e) {
            Command.run(List.of("ip", "netns", "del", name), Duration.ofSeconds(20));
            throw e;
        }
    }

    public static String run(String... argv) {
        return Command.run(List.of(argv), Duration.ofSeconds(20)).orThrow();
    }

    /** Runs a command as the "host" (inside the lab namespace). */
    public Command.Result onHost(String... argv) {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", name));
        full.addAll(List.of(argv));
        return Command.run(full, Duration.ofSeconds(10));
    }

    /**
     * An HTTP GET of {@code path} on 127.0.0.1:{@code port} from the lab "host", through busybox nc
     * (busybox-static's wget crashes on this glibc; nc is enough for HTTP/1.0).
     */
    public Command.Result httpGet(int port, String path) {
        List<String> argv = List.of("ip", "netns", "exec", name, "busybox", "nc", "-w", "2", "127.0.0.1", String.valueOf(port));
        return Command.run(argv, "GET " + path + " HTTP/1.0\r\n\r\n", Duration.ofSeconds(10));
    }

    /** Names of network namespaces and host links whose name contains {@code prefix}. */
    public static List<String> leftovers(String prefix) {
        List<String> left = new ArrayList<>();
        run("ip", "netns", "list").lines().filter(l -> l.contains(prefix)).forEach(l -> left.add("netns " + l));
        run("ip", "-o", "link").lines().filter(l -> l.contains(prefix)).forEach(l -> left.add("link " + l));
        return left;
    }

    @Override
    public void close() {
        try {
            network.tearDown();
        } finally {
            Command.run(List.of("ip", "netns", "del", name), Duration.ofSeconds(20));
        }
    }
}
