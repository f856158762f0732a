package io.jswarm.testkit.hosts;

import io.jswarm.testkit.Await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One simulated machine: a network namespace with {@code eth0} on the run's bridge, its own data
 * directory, and the names its daemon should use so that daemons on different hosts never share a
 * cgroup or a bridge. Faults are applied inside the namespace, so they affect this host alone.
 *
 * <p>Fault state (isolation, blocked peers, loss, link) is kept here and the nftables tables are
 * re-rendered from it on every change, so the kernel always holds exactly what this object says.
 */
public final class Host {
    private final Hosts run;
    private final int index;
    private final RunNames names;
    private final String address;
    private final Path dir;
    private final List<HostProcess> processes = new CopyOnWriteArrayList<>();
    private final Set<Host> blockedPeers = new LinkedHashSet<>();
    private boolean isolated;
    private final DataDirLimit dataDirLimit;
    private Path relaySocket;
    private final List<PortForward> forwards = new CopyOnWriteArrayList<>();

    Host(Hosts run, int index, RunNames names, String address, Path dir) {
        this.run = run;
        this.index = index;
        this.names = names;
        this.address = address;
        this.dir = dir;
        this.dataDirLimit = new DataDirLimit(dataDir(), names.runPrefix() + "-data" + index);
    }

    /** 1-based position in the run. */
    public int index() {
        return index;
    }

    /** {@code h1}, {@code h2}, ...: short, for messages and node names. */
    public String name() {
        return "h" + index;
    }

    /** The network namespace's name ({@code ip netns exec <netns> ...}). */
    public String netns() {
        return names.netns(index);
    }

    /** The host's IPv4 address on the run's bridge; exists only inside the run's namespaces. */
    public String address() {
        return address;
    }

    /** A private directory for this host (logs, scratch). */
    public Path dir() {
        return dir;
    }

    /** The daemon's data directory, initially empty. */
    public Path dataDir() {
        return dir.resolve("data");
    }

    /** The cgroup parent the daemon on this host should create its cgroups under; removed at cleanup. */
    public String cgroupParent() {
        return names.cgroupParent(index);
    }

    /** A short suffix for the names of bridges the daemon creates, distinct per host and per run. */
    public String bridgeSuffix() {
        return names.bridgeSuffix(index);
    }

    /** A log file path in this host's directory. */
    public Path logFile(String name) {
        return dir.resolve("logs").resolve(name + ".log");
    }

    /** The processes started on this host, in start order. */
    public List<HostProcess> processes() {
        return List.copyOf(processes);
    }

    /**
     * The prefix that runs a command in this host's network namespace. nsenter switches only the
     * network namespace; {@code ip netns exec} would also give the process a private mount namespace
     * with a fresh /sys, hiding /sys/fs/cgroup from a daemon that must create cgroups and making
     * later mounts (the data-dir tmpfs) invisible to it. nsenter execs in place, so the pid is the command's.
     */
    private List<String> enterNetns() {
        return List.of(tool("nsenter"), "--net=/run/netns/" + netns(), "--");
    }

    /**
     * Starts {@code command} inside this host's network namespace, as leader of a new session and
     * process group, stdin from /dev/null, stdout and stderr appended to {@code logFile}. The
     * environment is the JVM's plus {@code env}; the working directory is {@link #dir()}.
     */
    public HostProcess start(List<String> command, Map<String, String> env, Path logFile) {
        if (command.isEmpty()) {
            throw new IllegalArgumentException("command: must not be empty");
        }
        List<String> argv = new ArrayList<>();
        argv.add(tool("setsid"));
        argv.addAll(enterNetns());
        argv.addAll(command);
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            ProcessBuilder pb = new ProcessBuilder(argv)
                    .directory(dir.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .redirectErrorStream(true);
            pb.environment().putAll(env);
            HostProcess p = new HostProcess(this, command, pb.start(), logFile);
            processes.add(p);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start on " + name() + ": " + String.join(" ", command), e);
        }
    }

    /** Runs a short command inside the namespace and waits for it (a probe, a client, a diagnostic). */
    public ExecResult exec(Duration timeout, String... command) {
        List<String> argv = new ArrayList<>(enterNetns());
        argv.addAll(List.of(command));
        Command.Result r = Command.exec(argv, null, timeout);
        return new ExecResult(r.exitCode(), r.output());
    }

    // ---- faults ----

    /** Silently drops every packet to and from other hosts (and anything else off-host); loopback still works. */
    public synchronized void isolate() {
        isolated = true;
        applyPartition();
    }

    /** Drops traffic between this host and {@code peers} only, on this host's side. Use {@link Hosts#partition}. */
    synchronized void block(Collection<Host> peers) {
        blockedPeers.addAll(peers);
        applyPartition();
    }

    synchronized void unblock(Host peer) {
        if (blockedPeers.remove(peer)) {
            applyPartition();
        }
    }

    /**
     * Ends every fault involving this host: its isolation, partitions between it and any peer (on
     * both sides), packet loss, and a downed link.
     */
    public void heal() {
        synchronized (this) {
            isolated = false;
            blockedPeers.clear();
            applyPartition();
        }
        for (Host other : run.hosts()) {
            if (other != this) {
                other.unblock(this);
            }
        }
        packetLoss(0);
        linkUp();
    }

    /** Takes the host's {@code eth0} down: connections fail fast (no route) rather than time out. */
    public void linkDown() {
        ipInNs("link", "set", RunNames.NS_IFACE, "down");
    }

    /** Brings {@code eth0} back; the kernel restores the subnet route with the address. */
    public void linkUp() {
        ipInNs("link", "set", RunNames.NS_IFACE, "up");
    }

    /** Drops each packet entering or leaving the host with probability {@code percent}%; 0 removes the loss. */
    public void packetLoss(int percent) {
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("percent: must be 0..100, got " + percent);
        }
        nft(percent == 0 ? FaultRules.remove(FaultRules.LOSS_TABLE) : FaultRules.loss(percent));
    }

    /**
     * Puts a tmpfs of {@code bytes} over the data dir so that writes beyond it fail with ENOSPC.
     * Processes on the host share the JVM's mount namespace, so they see it at once; the data dir
     * must still be empty, since the mount would hide what is in it.
     */
    public void limitDataDir(long bytes) {
        dataDirLimit.limit(bytes);
    }

    /**
     * Fills the limited data dir with a ballast file until the device is full, so the next write of
     * the daemon fails with ENOSPC. {@link #freeDataDir()} removes the ballast.
     */
    public Path fillDataDir() {
        return dataDirLimit.fill();
    }

    /** Deletes the ballast written by {@link #fillDataDir()}. */
    public void freeDataDir() {
        dataDirLimit.free();
    }

    /**
     * Starts a {@link DelayProxy} as a process on this host: it listens on {@code listenHost:listenPort}
     * (this host's address or 127.0.0.1) and forwards to {@code targetHost:targetPort} with
     * {@code delay} added in each direction. Returns once it accepts connections.
     */
    public HostProcess startDelayProxy(String listenHost, int listenPort, String targetHost, int targetPort, Duration delay) {
        return startJavaMain(DelayProxy.class, "delay-proxy-" + listenPort, DelayProxy.READY,
                listenHost, Integer.toString(listenPort), targetHost, Integer.toString(targetPort),
                Long.toString(delay.toMillis()), Long.toString(delay.toMillis()));
    }

    /**
     * A loopback address in the test JVM's namespace that reaches {@code targetPort} on this host's
     * own address, for talking to a daemon's API from the test. See {@link PortForward}.
     */
    public PortForward forward(int targetPort) {
        return forward(address, targetPort);
    }

    /** As {@link #forward(int)}, to any IPv4 address as seen from inside this host (another host, 127.0.0.1). */
    public synchronized PortForward forward(String targetHost, int targetPort) {
        if (relaySocket == null) {
            Path socket = dir.resolve("relay.sock");
            if (socket.toString().length() > 100) {
                throw new HostsException("forward: Unix socket path too long (" + socket + "); use a shorter -Djswarm.hosts.dir");
            }
            startJavaMain(NetnsRelay.class, "netns-relay", NetnsRelay.READY, socket.toString());
            relaySocket = socket;
        }
        PortForward f = PortForward.start(relaySocket, targetHost, targetPort);
        forwards.add(f);
        return f;
    }

    /** Closes the test JVM's side of every forward (the relay process goes with the other processes). */
    void closeForwards() {
        for (PortForward f : forwards) {
            f.close();
        }
        forwards.clear();
    }

    /** Runs a main class of this module as a small JVM on the host and returns once it printed {@code ready}. */
    private HostProcess startJavaMain(Class<?> main, String logName, String ready, String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx32m", "-Xss256k", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", ownCodeSource(), main.getName()));
        cmd.addAll(List.of(args));
        HostProcess p = start(cmd, Map.of(), logFile(logName));
        Await.until(main.getSimpleName() + " on " + name() + " to be ready", Duration.ofSeconds(20),
                () -> p.log().contains(ready) || !p.isAlive());
        if (!p.isAlive()) {
            throw new HostsException(main.getSimpleName() + " on " + name() + " exited: " + p.log());
        }
        return p;
    }

    private static String ownCodeSource() {
        try {
            return Path.of(DelayProxy.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new HostsException("cannot locate the testkit classes for the delay proxy", e);
        }
    }

    private void applyPartition() {
        String script;
        if (isolated) {
            script = FaultRules.isolate();
        } else if (!blockedPeers.isEmpty()) {
            script = FaultRules.blockPeers(blockedPeers.stream().map(Host::address).toList());
        } else {
            script = FaultRules.remove(FaultRules.PARTITION_TABLE);
        }
        nft(script);
    }

    private void nft(String script) {
        List<String> argv = new ArrayList<>(enterNetns());
        argv.addAll(List.of(tool("nft"), "-f", "-"));
        Command.runWithInput(script, argv.toArray(String[]::new));
    }

    private void ipInNs(String... args) {
        List<String> argv = new ArrayList<>(List.of("ip", "-n", netns()));
        argv.addAll(List.of(args));
        Command.run(argv.toArray(String[]::new));
    }

    private static String tool(String name) {
        return Command.find(name).orElseThrow(() -> new HostsException("tool '" + name + "' not found")).toString();
    }

    @Override
    public String toString() {
        return name() + "(" + netns() + " " + address + ")";
    }
}
