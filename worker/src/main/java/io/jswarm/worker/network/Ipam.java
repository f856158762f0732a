package io.jswarm.worker.network;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Hands out container addresses from a node's subnet. The first host address is the bridge's
 * (gateway); allocation continues after the last address handed out (wrapping around) so a
 * freed address is not reused at once — a late packet for a dead container should not reach
 * its successor. Pure and not thread-safe: the network guards it.
 */
public final class Ipam {
    private final Ipv4Cidr subnet;
    private final TreeMap<Long, String> byAddress = new TreeMap<>();
    private final Map<String, Long> byOwner = new HashMap<>();
    private long next = 2;

    public Ipam(Ipv4Cidr subnet) {
        this.subnet = subnet;
    }

    public Ipv4Cidr subnet() {
        return subnet;
    }

    /** The owner's address: the one it already has, or a new one. */
    public String allocate(String owner) {
        Long have = byOwner.get(owner);
        if (have != null) {
            return Ipv4Cidr.format(have);
        }
        long usable = subnet.size() - 1; // minus the gateway
        for (long tried = 0; tried < usable; tried++) {
            long n = next;
            next = next >= subnet.size() ? 2 : next + 1;
            long addr = subnet.host(n);
            if (!byAddress.containsKey(addr)) {
                byAddress.put(addr, owner);
                byOwner.put(owner, addr);
                return Ipv4Cidr.format(addr);
            }
        }
        throw new IllegalStateException("no free address left in " + subnet + " (" + usable + " in use)");
    }

    /** Records an address found in use (re-adoption after a restart). */
    public void restore(String owner, String address) {
        long addr = Ipv4Cidr.parseAddress(address);
        if (!subnet.contains(addr) || addr == subnet.host(1)) {
            throw new IllegalArgumentException(address + " is not a container address of " + subnet);
        }
        String other = byAddress.get(addr);
        if (other != null && !other.equals(owner)) {
            throw new IllegalStateException(address + " is already held by " + other);
        }
        byAddress.put(addr, owner);
        byOwner.put(owner, addr);
    }

    public void release(String owner) {
        Long addr = byOwner.remove(owner);
        if (addr != null) {
            byAddress.remove(addr);
        }
    }

    public Optional<String> addressOf(String owner) {
        return Optional.ofNullable(byOwner.get(owner)).map(Ipv4Cidr::format);
    }

    public int inUse() {
        return byOwner.size();
    }
}
