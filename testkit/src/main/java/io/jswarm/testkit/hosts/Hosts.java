package io.jswarm.testkit.hosts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A run of N simulated hosts on this machine (see {@link Host}), and everything needed to remove
 * them again. Needs root, {@code ip} (iproute2) and {@code nft} (nftables).
 *
 * <pre>{@code
 * try (Hosts hosts = Hosts.create(3)) {
 *     Host a = hosts.host(1);
 *     HostProcess d = a.start(List.of("jswarm", "daemon", "--data-dir", a.dataDir().toString()), Map.of(),
 *                             a.logFile("daemon"));
 *     hosts.partition(a, hosts.host(3));   // a <-/-> h3, h2 still reaches both
 *     a.heal();
 * }
 * }</pre>
 *
 * <p>Cleanup removes processes (by process group and by namespace), cgroups under the hosts'
 * cgroup parents, mounts under the run directory, veths, the bridge, the namespaces and the run
 * directory. It runs from {@link #close()} and from a JVM shutdown hook, is idempotent, and
 * {@link #cleanupLeftovers} applies the same sweep to runs whose JVM died (kill -9, OOM).
 */
public final class Hosts implements AutoCloseable {
    /** The family prefix of every run's names unless the caller picks another. */
    public static final String DEFAULT_PREFIX = "jswt";

    private final RunNames names;
    private final Subnet subnet;
    private final Path runDir;
    private final List<Host> hosts = new ArrayList<>();
    private final Thread shutdownHook;
    private boolean closed;

    private Hosts(RunNames names, Subnet subnet, Path runDir) {
        this.names = names;
        this.subnet = subnet;
        this.runDir = runDir;
        this.shutdownHook = new Thread(this::cleanupFromHook, "hosts-cleanup-" + names.runPrefix());
    }

    /** Creates {@code count} hosts under the default prefix. */
    public static Hosts create(int count) {
        return create(count, DEFAULT_PREFIX);
    }

    /** Creates {@code count} hosts (1..200) whose kernel objects are named {@code familyPrefix + 4 random chars + ...}. */
    public static Hosts create(int count, String familyPrefix) {
        if (count < 1 || count > RunNames.MAX_HOSTS) {
            throw new IllegalArgumentException("count: must be 1.." + RunNames.MAX_HOSTS + ", got " + count);
        }
        SecureRandom random = new SecureRandom();
        RunNames names = RunNames.random(familyPrefix, random);
        while (Files.exists(RunOwner.REGISTRY.resolve(names.runPrefix())) || Files.exists(baseDir().resolve(names.runPrefix()))
                || HostNetwork.links().contains(names.bridge())) {
            names = RunNames.random(familyPrefix, random);
        }
        Subnet subnet = Subnet.choose(random, machineNetworks());
        Path runDir = baseDir().resolve(names.runPrefix());
        Hosts run = new Hosts(names, subnet, runDir);
        try {
            RunOwner.claim(names.runPrefix(), runDir); // before anything else: see RunOwner's invariant
            Files.createDirectories(runDir);
            Runtime.getRuntime().addShutdownHook(run.shutdownHook);
            for (int i = 1; i <= count; i++) {
                Path dir = runDir.resolve("h" + i);
                Files.createDirectories(dir.resolve("data"));
                run.hosts.add(new Host(run, i, names, subnet.address(i), dir));
            }
            HostNetwork.create(names, subnet, count);
            return run;
        } catch (IOException | RuntimeException e) {
            try {
                run.close();
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            if (e instanceof IOException io) {
                throw new UncheckedIOException("cannot create hosts in " + runDir, io);
            }
            throw (RuntimeException) e;
        }
    }

    /**
     * Why hosts cannot be created on this machine (not root, or one of ip, nft, setsid, nsenter,
     * mount, kill missing), or empty when they can. Tests skip on a reason, and fail on anything else.
     */
    public static Optional<String> unavailableReason() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:") && !line.split("\\s+")[2].equals("0")) {
                    return Optional.of("network namespaces need root (effective uid is " + line.split("\\s+")[2] + ")");
                }
            }
        } catch (IOException e) {
            return Optional.of("no /proc/self/status: not Linux?");
        }
        for (String tool : List.of("ip", "nft", "setsid", "nsenter", "mount", "kill")) {
            if (Command.find(tool).isEmpty()) {
                return Optional.of("tool '" + tool + "' is missing (packages iproute2, nftables, util-linux, mount, procps)");
            }
        }
        return Optional.empty();
    }

    /** Where runs keep their directories: {@code -Djswarm.hosts.dir}, else {@code $TMPDIR/jswarm-hosts}. */
    public static Path baseDir() {
        String configured = System.getProperty("jswarm.hosts.dir");
        return configured != null ? Path.of(configured) : Path.of(System.getProperty("java.io.tmpdir"), "jswarm-hosts");
    }

    /** Host {@code index} (1-based). */
    public Host host(int index) {
        if (index < 1 || index > hosts.size()) {
            throw new IllegalArgumentException("host index: must be 1.." + hosts.size() + ", got " + index);
        }
        return hosts.get(index - 1);
    }

    public List<Host> hosts() {
        return List.copyOf(hosts);
    }

    /** The prefix all of this run's names start with, e.g. {@code jswtk3f9}. */
    public String runPrefix() {
        return names.runPrefix();
    }

    public Subnet subnet() {
        return subnet;
    }

    public Path runDir() {
        return runDir;
    }

    /** Partial partition: {@code a} and {@code b} can no longer exchange packets, in either direction; others are unaffected. */
    public void partition(Host a, Host b) {
        if (a == b) {
            throw new IllegalArgumentException("partition: a host cannot be partitioned from itself (" + a + ")");
        }
        a.block(List.of(b));
        b.block(List.of(a));
    }

    /** Ends every fault on every host. */
    public void healAll() {
        for (Host h : hosts) {
            h.heal();
        }
    }

    /**
     * Removes everything this run made. Idempotent; keeps going past failures and then throws one
     * {@link HostsException} listing what is left.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        List<String> problems = cleanup();
        closed = true;
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to; it will find the run already clean
        }
        if (!problems.isEmpty()) {
            throw new HostsException("cleanup of " + runPrefix() + " left: " + String.join("; ", problems));
        }
    }

    private synchronized void cleanupFromHook() {
        if (closed) {
            return;
        }
        List<String> problems = cleanup();
        closed = true;
        if (!problems.isEmpty()) {
            System.err.println("jswarm hosts: cleanup of " + runPrefix() + " at exit left: " + String.join("; ", problems));
        }
    }

    private List<String> cleanup() {
        List<String> problems = new ArrayList<>();
        // Process groups first: this reaches children that left the namespace too; the JVM reaps the leaders.
        for (Host h : hosts) {
            h.closeForwards();
            for (HostProcess p : h.processes()) {
                try {
                    p.signalGroup("KILL");
                    if (p.waitFor(Duration.ofSeconds(5)).isEmpty()) {
                        problems.add(p + " survived SIGKILL");
                    }
                } catch (RuntimeException e) {
                    problems.add(p + ": " + e.getMessage());
                }
            }
        }
        try {
            problems.addAll(RunSweeper.sweep(runPrefix(), runDir));
        } catch (RuntimeException e) {
            problems.add(e.getMessage());
        }
        return problems;
    }

    /**
     * Removes what runs under {@code familyPrefix} left behind when their JVM died without cleaning
     * up. A run is swept only if no live process owns it (see {@link RunOwner}), so this is safe while
     * other test JVMs use the same prefix. Returns the run prefixes swept.
     */
    public static List<String> cleanupLeftovers(String familyPrefix) {
        Set<String> runs = new TreeSet<>();
        HostNetwork.namespaces().forEach(n -> RunNames.runPrefixOf(n, familyPrefix).ifPresent(runs::add));
        HostNetwork.links().forEach(n -> RunNames.runPrefixOf(n, familyPrefix).ifPresent(runs::add));
        Mounts.list().forEach(m -> RunNames.runPrefixOf(m.source(), familyPrefix).ifPresent(runs::add));
        Cgroups.find(n -> RunNames.runPrefixOf(n, familyPrefix).isPresent())
                .forEach(p -> RunNames.runPrefixOf(p.getFileName().toString(), familyPrefix).ifPresent(runs::add));
        for (Path dir : List.of(baseDir(), RunOwner.REGISTRY)) {
            if (Files.isDirectory(dir)) {
                try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
                    for (Path d : ds) {
                        RunNames.runPrefixOf(d.getFileName().toString(), familyPrefix).ifPresent(runs::add);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot list " + dir, e);
                }
            }
        }
        List<String> swept = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String run : runs) {
            if (RunOwner.isLive(run)) {
                continue;
            }
            problems.addAll(RunSweeper.sweep(run, RunOwner.runDir(run).orElse(baseDir().resolve(run))));
            swept.add(run);
        }
        if (!problems.isEmpty()) {
            throw new HostsException("leftover cleanup incomplete: " + String.join("; ", problems));
        }
        return swept;
    }

    /** The machine's own IPv4 networks, which the run's subnet must not overlap. */
    private static List<String> machineNetworks() {
        List<String> out = new ArrayList<>();
        for (String line : Command.run("ip", "-o", "-4", "addr", "show").output().split("\n")) {
            String[] f = line.trim().split("\\s+");
            for (int i = 0; i + 1 < f.length; i++) {
                if (f[i].equals("inet")) {
                    out.add(f[i + 1]);
                }
            }
        }
        for (String line : Command.run("ip", "-4", "route", "show", "table", "all").output().split("\n")) {
            String first = line.trim().split("\\s+")[0];
            if (first.matches("\\d+\\.\\d+\\.\\d+\\.\\d+(/\\d+)?")) {
                out.add(first);
            }
        }
        return out.stream().distinct().collect(Collectors.toList());
    }

    @Override
    public String toString() {
        return "Hosts[" + runPrefix() + " " + subnet.cidr() + " " + hosts + "]";
    }
}
