package io.jswarm.testkit.hosts;

import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * Every name one harness run gives to a kernel object. All of them start with the run prefix (a
 * fixed family prefix such as {@code jswt} plus four random characters), so that parallel runs
 * never collide and a later run can recognise what a crashed one left behind.
 *
 * <p>Invariant: every interface name fits the kernel's 15-character limit (IFNAMSIZ - 1); the
 * constructor refuses prefixes for which it would not.
 */
public record RunNames(String familyPrefix, String runId) {
    /** Linux interface names are at most 15 bytes. */
    public static final int MAX_IFNAME = 15;
    /** Host indexes are 1..MAX_HOSTS; three digits keep veth names within {@link #MAX_IFNAME}. */
    public static final int MAX_HOSTS = 200;
    static final int RUN_ID_LENGTH = 4;
    private static final Pattern FAMILY = Pattern.compile("[a-z][a-z0-9]{1,5}");
    private static final Pattern RUN_ID = Pattern.compile("[a-z0-9]{" + RUN_ID_LENGTH + "}");
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    public RunNames {
        if (familyPrefix == null || !FAMILY.matcher(familyPrefix).matches()) {
            throw new IllegalArgumentException("familyPrefix: must be 2-6 characters [a-z0-9] starting with a letter, got '"
                    + familyPrefix + "'");
        }
        if (runId == null || !RUN_ID.matcher(runId).matches()) {
            throw new IllegalArgumentException("runId: must be " + RUN_ID_LENGTH + " characters [a-z0-9], got '" + runId + "'");
        }
    }

    /** A fresh run under {@code familyPrefix} with a random id. */
    public static RunNames random(String familyPrefix, RandomGenerator random) {
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < RUN_ID_LENGTH; i++) {
            id.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return new RunNames(familyPrefix, id.toString());
    }

    /** The prefix every object of this run carries, e.g. {@code jswtk3f9}. */
    public String runPrefix() {
        return familyPrefix + runId;
    }

    public String bridge() {
        return runPrefix() + "-br";
    }

    public String netns(int host) {
        return runPrefix() + "-n" + checked(host);
    }

    /** The veth end that stays in the root namespace, enslaved to the bridge. */
    public String hostVeth(int host) {
        return runPrefix() + "-h" + checked(host);
    }

    /** The namespace end's temporary name before it is renamed to {@link #NS_IFACE} inside the namespace. */
    public String peerVeth(int host) {
        return runPrefix() + "-p" + checked(host);
    }

    /** The interface name every host sees for its link, like a real machine's first NIC. */
    public static final String NS_IFACE = "eth0";

    /** A cgroup-parent name for the daemon on this host (a single path component). */
    public String cgroupParent(int host) {
        return runPrefix() + "-cg" + checked(host);
    }

    /** A short suffix the daemon on this host appends to the bridges it creates, distinct per host and run. */
    public String bridgeSuffix(int host) {
        return runId + "h" + checked(host);
    }

    /**
     * The run prefix carried by {@code name}, if the name belongs to some run of {@code familyPrefix}:
     * the family prefix, a four-character run id, then the end of the name or a '-'.
     */
    public static Optional<String> runPrefixOf(String name, String familyPrefix) {
        int end = familyPrefix.length() + RUN_ID_LENGTH;
        if (name == null || !name.startsWith(familyPrefix) || name.length() < end) {
            return Optional.empty();
        }
        if (!RUN_ID.matcher(name.substring(familyPrefix.length(), end)).matches()) {
            return Optional.empty();
        }
        if (name.length() > end && name.charAt(end) != '-') {
            return Optional.empty();
        }
        return Optional.of(name.substring(0, end));
    }

    private static int checked(int host) {
        if (host < 1 || host > MAX_HOSTS) {
            throw new IllegalArgumentException("host index: must be 1.." + MAX_HOSTS + ", got " + host);
        }
        return host;
    }
}
