package io.jswarm.testkit.hosts;

import java.util.Collection;
import java.util.random.RandomGenerator;

/**
 * The private /24 a run's hosts live in. The addresses exist only inside the run's namespaces (the
 * bridge has no address and the namespaces have no default route), so nothing can leave the
 * machine; the subnet is still chosen away from every network the machine itself uses so that
 * reading logs and routes never confuses a lab address with a real one.
 */
public record Subnet(int a, int b) {
    /** Host {@code i} gets {@code .(10 + i)}; the rest of the /24 stays free for the daemons' own use. */
    static final int HOST_OFFSET = 10;

    public Subnet {
        if (a < 0 || a > 255 || b < 0 || b > 255) {
            throw new IllegalArgumentException("subnet octets: must be 0..255, got " + a + "." + b);
        }
    }

    /** {@code 10.a.b.0/24} */
    public String cidr() {
        return "10." + a + "." + b + ".0/24";
    }

    public String address(int host) {
        if (host < 1 || host > RunNames.MAX_HOSTS) {
            throw new IllegalArgumentException("host index: must be 1.." + RunNames.MAX_HOSTS + ", got " + host);
        }
        return "10." + a + "." + b + "." + (HOST_OFFSET + host);
    }

    /**
     * Picks a random {@code 10.a.b.0/24} (a in 64..254) that overlaps none of {@code inUse}, the
     * machine's own IPv4 networks in CIDR form ({@code 10.1.0.0/16}, {@code 192.168.1.7/24}, ...).
     */
    public static Subnet choose(RandomGenerator random, Collection<String> inUse) {
        for (int attempt = 0; attempt < 1000; attempt++) {
            Subnet s = new Subnet(64 + random.nextInt(191), random.nextInt(256));
            if (inUse.stream().noneMatch(s::overlaps)) {
                return s;
            }
        }
        throw new HostsException("no free 10.x.y.0/24 found; the machine uses: " + inUse);
    }

    /** Whether this /24 and {@code cidr} share any address. */
    boolean overlaps(String cidr) {
        String[] parts = cidr.strip().split("/");
        long other = toLong(parts[0]);
        int len = parts.length > 1 ? Integer.parseInt(parts[1]) : 32;
        int common = Math.min(len, 24);
        long mask = common == 0 ? 0 : (0xFFFFFFFFL << (32 - common)) & 0xFFFFFFFFL;
        long mine = (10L << 24) | ((long) a << 16) | ((long) b << 8);
        return (mine & mask) == (other & mask);
    }

    private static long toLong(String dotted) {
        String[] o = dotted.split("\\.");
        if (o.length != 4) {
            throw new IllegalArgumentException("not an IPv4 address: " + dotted);
        }
        long v = 0;
        for (String part : o) {
            v = (v << 8) | Integer.parseInt(part);
        }
        return v;
    }
}
