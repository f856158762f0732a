package io.jswarm.worker.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * The contents of the per-container /etc/hosts, /etc/hostname and /etc/resolv.conf, as Docker
 * writes them. Pure, so the rules (loopback resolvers filtered out, a fallback resolver) are tested
 * without a container.
 */
public final class ContainerFiles {
    private ContainerFiles() {}

    /** Used when neither the spec nor the host gives a resolver reachable from the container. */
    public static final List<String> FALLBACK_DNS = List.of("8.8.8.8", "8.8.4.4");

    public static String hosts(String hostname, String ip, List<String> extraLines) {
        StringBuilder b = new StringBuilder();
        b.append("127.0.0.1\tlocalhost\n");
        b.append("::1\tlocalhost ip6-localhost ip6-loopback\n");
        if (ip != null) {
            b.append(ip).append('\t').append(hostname).append('\n');
        }
        for (String line : extraLines) {
            b.append(line.strip()).append('\n');
        }
        return b.toString();
    }

    public static String hostname(String hostname) {
        return hostname + "\n";
    }

    /**
     * The spec's DNS servers, else the host's non-loopback nameservers (a 127.x resolver on the
     * host is unreachable from the container's own network namespace), else public fallbacks.
     */
    public static String resolvConf(List<String> specServers, String hostResolvConf) {
        List<String> servers = new ArrayList<>(specServers);
        List<String> other = new ArrayList<>();
        if (servers.isEmpty() && hostResolvConf != null) {
            for (String line : hostResolvConf.lines().map(String::strip).toList()) {
                if (line.startsWith("nameserver")) {
                    String ip = line.substring("nameserver".length()).strip();
                    if (!ip.startsWith("127.") && !ip.equals("::1")) {
                        servers.add(ip);
                    }
                } else if (line.startsWith("search") || line.startsWith("options")) {
                    other.add(line);
                }
            }
        }
        if (servers.isEmpty()) {
            servers.addAll(FALLBACK_DNS);
        }
        StringBuilder b = new StringBuilder();
        servers.forEach(s -> b.append("nameserver ").append(s).append('\n'));
        other.forEach(l -> b.append(l).append('\n'));
        return b.toString();
    }
}
