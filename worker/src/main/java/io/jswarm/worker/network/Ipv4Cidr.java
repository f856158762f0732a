package io.jswarm.worker.network;

/** An IPv4 subnet such as 10.88.0.0/24; addresses are unsigned 32-bit values held in a long. */
public record Ipv4Cidr(long network, int prefix) {
    public Ipv4Cidr {
        if (prefix < 8 || prefix > 30) {
            throw new IllegalArgumentException("subnet prefix /" + prefix + " must be between /8 and /30");
        }
        if ((network & ~mask(prefix)) != 0) {
            throw new IllegalArgumentException("subnet " + format(network) + "/" + prefix + " has host bits set");
        }
    }

    public static Ipv4Cidr parse(String text) {
        String[] parts = text.strip().split("/");
        if (parts.length != 2) {
            throw new IllegalArgumentException("subnet \"" + text + "\" must look like 10.88.0.0/24");
        }
        int prefix;
        try {
            prefix = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("subnet \"" + text + "\" has no valid prefix length");
        }
        return new Ipv4Cidr(parseAddress(parts[0]), prefix);
    }

    public static long parseAddress(String text) {
        String[] o = text.strip().split("\\.");
        if (o.length != 4) {
            throw new IllegalArgumentException("\"" + text + "\" is not an IPv4 address");
        }
        long v = 0;
        for (String s : o) {
            int b;
            try {
                b = Integer.parseInt(s);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("\"" + text + "\" is not an IPv4 address");
            }
            if (b < 0 || b > 255) {
                throw new IllegalArgumentException("\"" + text + "\" is not an IPv4 address");
            }
            v = (v << 8) | b;
        }
        return v;
    }

    public static String format(long address) {
        return ((address >> 24) & 255) + "." + ((address >> 16) & 255) + "." + ((address >> 8) & 255) + "." + (address & 255);
    }

    static long mask(int prefix) {
        return (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
    }

    /** Usable host addresses: network and broadcast excluded. */
    public long size() {
        return (1L << (32 - prefix)) - 2;
    }

    /** The n-th host address (1-based): host(1) is the gateway by convention. */
    public long host(long n) {
        if (n < 1 || n > size()) {
            throw new IllegalArgumentException("host " + n + " is outside " + this);
        }
        return network + n;
    }

    public boolean contains(long address) {
        return (address & mask(prefix)) == network;
    }

    public String gateway() {
        return format(host(1));
    }

    @Override
    public String toString() {
        return format(network) + "/" + prefix;
    }
}
