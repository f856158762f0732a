package io.jswarm.worker.runtime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jswarm.api.json.Json;
import io.jswarm.api.task.MountType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * The worker's containers on this host: create (directories, overlay rootfs, bundle), start (a
 * detached shim), observe (exit file, cgroup counters), stop (signal, grace, SIGKILL), remove
 * (runtime state, every cgroup hierarchy, mounts, files) and recover after a worker restart.
 * All state lives under {@link RuntimeConfig#containersDir()}; the JVM holds nothing that a
 * restarted worker could not rebuild from there.
 */
public final class ContainerRuntime {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final RuntimeConfig config;
    private final OciRuntime oci;
    private final Cgroups cgroups;
    private final HostLimits hostLimits;

    public ContainerRuntime(RuntimeConfig config, OciRuntime oci, Cgroups cgroups, HostLimits hostLimits) {
        this.config = config;
        this.oci = oci;
        this.cgroups = cgroups;
        this.hostLimits = hostLimits;
        if (config.initBinary() != null && !Files.isExecutable(config.initBinary())) {
            throw new IllegalStateException(config.initBinary() + " is missing: install the Debian package tini (bin/install-deps)");
        }
        try {
            Files.createDirectories(config.containersDir());
            Files.createDirectories(config.volumesDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + config.dataDir(), e);
        }
    }

    /** runc, the host's cgroup layout and limits: the usual production wiring. */
    public static ContainerRuntime onThisHost(RuntimeConfig config) {
        return new ContainerRuntime(config, new Runc(Runc.locate(), config.runtimeStateRoot()),
                new Cgroups(CgroupLayout.detect()), HostLimits.readSelf());
    }

    public RuntimeConfig config() {
        return config;
    }

    public OciRuntime oci() {
        return oci;
    }

    public Cgroups cgroups() {
        return cgroups;
    }

    public ContainerDirs dirs(String id) {
        return new ContainerDirs(config.containersDir().resolve(id));
    }

    // ---- create -------------------------------------------------------------------------------

    /**
     * Prepares everything up to the start: nothing runs yet. Refuses an id that already exists
     * (on disk), so a worker that lost track of a container can never create a second copy.
     * Spec problems surface as {@link ContainerConfigException} before anything is mounted.
     */
    public ContainerRecord create(ContainerRequest req) {
        ContainerDirs dirs = dirs(req.id());
        if (Files.exists(dirs.record())) {
            throw new IllegalStateException("container " + req.id() + " already exists on this node");
        }
        if (Files.exists(dirs.root())) {
            // A create that died half-way (the record is written last, and nothing starts
            // without it): nothing ever ran from here, so start over.
            removeQuietly(req.id());
        }
        String hostname = hostname(req);
        ContainerUser user = UserResolver.resolve(
                ProcessArgs.notBlank(req.spec().user()) ? req.spec().user() : req.image().defaults().user(),
                readFromLayers(req.image(), "etc/passwd"), readFromLayers(req.image(), "etc/group"));
        List<ResolvedMount> mounts = MountResolver.resolve(req.spec().mounts(), config.volumesDir(), dirs);
        BundleInputs inputs = new BundleInputs(req.id(), req.spec(), req.limits(), req.image().defaults(), user, hostname,
                mounts, dirs.hosts(), dirs.hostname(), dirs.resolvConf(),
                req.spec().init() == null || req.spec().init() ? config.initBinary() : null,
                req.network() == null ? null : req.network().netnsPath(),
                config.cgroupPath(req.id()), hostLimits, cgroups.layout().swapAccounting());
        ObjectNode ociConfig = OciConfigBuilder.build(inputs); // throws on bad specs, before any I/O
        try {
            Files.createDirectories(dirs.root());
            Files.createDirectories(dirs.etc());
            Files.createDirectories(dirs.logs());
            Files.createDirectories(dirs.bundle());
            Files.writeString(dirs.hosts(), ContainerFiles.hosts(hostname,
                    req.network() == null ? null : req.network().ipAddress(), req.spec().hosts()));
            Files.writeString(dirs.hostname(), ContainerFiles.hostname(hostname));
            Files.writeString(dirs.resolvConf(), ContainerFiles.resolvConf(req.spec().dnsServers(), hostResolvConf()));
            for (ResolvedMount m : mounts) {
                if (m.type() == MountType.VOLUME) {
                    Files.createDirectories(m.hostSource());
                }
            }
            OverlayRootfs.mount(req.image().layerDirs(), dirs.upper(), dirs.work(), dirs.rootfs());
            Files.write(dirs.config(), OciConfigBuilder.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(ociConfig));
            ContainerRecord rec = new ContainerRecord(req.id(), req.spec(), req.limits(), config.cgroupPath(req.id()),
                    req.network() == null ? null : req.network().netnsPath(),
                    req.network() == null ? null : req.network().ipAddress(),
                    config.clock().instant(), null, null, null, null);
            save(rec);
            return rec;
        } catch (IOException | RuntimeException e) {
            removeQuietly(req.id());
            if (e instanceof RuntimeException re) {
                throw re;
            }
            throw new UncheckedIOException("cannot create container " + req.id(), (IOException) e);
        }
    }

    private static String hostname(ContainerRequest req) {
        String h = req.spec().hostname();
        if (ProcessArgs.notBlank(h)) {
            return h;
        }
        return req.id().length() > 12 ? req.id().substring(0, 12) : req.id();
    }

    /** A file as the container will see it: from the topmost layer that has it. */
    static String readFromLayers(PreparedImage image, String relative) {
        List<Path> layers = new ArrayList<>(image.layerDirs());
        for (int i = layers.size() - 1; i >= 0; i--) {
            Path f = layers.get(i).resolve(relative);
            if (Files.isRegularFile(f)) {
                try {
                    return Files.readString(f, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read /" + relative + " of the image", e);
                }
            }
        }
        return null;
    }

    private static String hostResolvConf() {
        try {
            return Files.readString(Path.of("/etc/resolv.conf"));
        } catch (IOException e) {
            return null;
        }
    }

    // ---- start --------------------------------------------------------------------------------

    /**
     * Starts the container through a detached shim and returns once its init process exists (the
     * runtime wrote the pid file), or throws with the runtime's error if it exited first.
     */
    public long start(String id) {
        ContainerDirs dirs = dirs(id);
        ContainerRecord rec = load(id).orElseThrow(() -> new IllegalStateException("no container " + id));
        if (rec.shimPid() != null) {
            throw new IllegalStateException("container " + id + " was already started");
        }
        try {
            Files.writeString(dirs.shimScript(), ShimScript.render(id, oci.runArgv(id, dirs.bundle(), dirs.containerPid()), dirs));
            Files.setPosixFilePermissions(dirs.shimScript(), PosixFilePermissions.fromString("rwx------"));
            Process shim = new ProcessBuilder("setsid", "/bin/sh", dirs.shimScript().toString())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dirs.shimLog().toFile()))
                    .redirectErrorStream(true)
                    .start();
            Instant shimStart = shim.info().startInstant().orElse(null);
            save(rec.withShim(shim.pid(), shimStart, config.clock().instant()));
        } catch (IOException e) {
            throw new ContainerStartException("cannot start the shim of " + id + ": " + e.getMessage());
        }
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        long pauseNanos = 100_000;
        while (true) {
            Optional<Long> pid = readPid(dirs);
            if (pid.isPresent()) {
                return pid.get();
            }
            if (Files.exists(dirs.exitFile())) {
                throw new ContainerStartException(startError(dirs));
            }
            if (System.nanoTime() - deadline > 0) {
                throw new ContainerStartException(oci.name() + ": container " + id + " did not start within "
                        + START_TIMEOUT.toSeconds() + " s");
            }
            LockSupport.parkNanos(pauseNanos);
            pauseNanos = Math.min(pauseNanos * 2, 1_000_000); // fine-grained: start latency is measured
        }
    }

    private static Optional<Long> readPid(ContainerDirs dirs) {
        try {
            String s = Files.readString(dirs.containerPid()).strip();
            return s.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(s));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The runtime's last error line from the container's stderr log, e.g. "runc: … no such file". */
    private String startError(ContainerDirs dirs) {
        try {
            List<String> lines = Files.readAllLines(dirs.stderrLog()).stream().filter(l -> !l.isBlank()).toList();
            String last = lines.isEmpty() ? "exited before the container started" : CommandFailedException.oneLine(lines.get(lines.size() - 1));
            return oci.name() + ": " + last;
        } catch (IOException e) {
            return oci.name() + ": exited before the container started";
        }
    }

    // ---- observe ------------------------------------------------------------------------------

    public Optional<ContainerRecord> load(String id) {
        Path file = dirs(id).record();
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.read(Files.readAllBytes(file), ContainerRecord.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void save(ContainerRecord rec) {
        ContainerDirs dirs = dirs(rec.id());
        Path tmp = dirs.record().resolveSibling("container.json.tmp");
        try {
            Files.writeString(tmp, Json.write(rec));
            Files.move(tmp, dirs.record(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the state of container " + rec.id(), e);
        }
    }

    /** The init's host pid while the container runs. */
    public Optional<Long> pid(String id) {
        return readPid(dirs(id));
    }

    /**
     * The exit status once the shim wrote it; the first call also reads the cgroup's OOM counter
     * (still there: the runtime keeps the container until {@link #remove}) and persists the result.
     */
    public Optional<ExitStatus> exitStatus(String id) {
        ContainerRecord rec = load(id).orElse(null);
        if (rec == null) {
            return Optional.empty();
        }
        if (rec.exit() != null) {
            return Optional.of(rec.exit());
        }
        ContainerDirs dirs = dirs(id);
        ExitStatus status;
        boolean oom = cgroups.oomKills(rec.cgroupPath()).orElse(0) > 0;
        try {
            int code = Integer.parseInt(Files.readString(dirs.exitFile()).strip());
            status = new ExitStatus(oom ? 137 : code, oom, lastModified(dirs.exitFile()), false);
        } catch (IOException | NumberFormatException e) {
            if (!exitedUnsupervised(rec)) {
                return Optional.empty();
            }
            // The shim died (killed, or the host's service manager took it down with the worker)
            // and the container has ended since: its status is gone for good. Say so.
            status = new ExitStatus(oom ? 137 : 255, oom, config.clock().instant(), true);
        }
        save(rec.withExit(status));
        return Optional.of(status);
    }

    /** Started, shim gone, init process gone, no exit file: nobody will ever write one. */
    private boolean exitedUnsupervised(ContainerRecord rec) {
        if (rec.shimPid() == null || shimHandle(rec).isPresent() || Files.exists(dirs(rec.id()).exitFile())) {
            return false;
        }
        return pid(rec.id()).flatMap(ProcessHandle::of).map(h -> !h.isAlive()).orElse(true);
    }

    private static Instant lastModified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toInstant();
        } catch (IOException e) {
            return Instant.EPOCH;
        }
    }

    /** Waits up to {@code timeout} for the container to exit. */
    public Optional<ExitStatus> awaitExit(String id, Duration timeout) {
        ContainerRecord rec = load(id).orElseThrow(() -> new IllegalStateException("no container " + id));
        // The shim exits right after writing the exit file; without a shim (it died), the
        // container's init is the process to watch.
        Optional<ProcessHandle> watched = shimHandle(rec).or(() -> pid(id).flatMap(ProcessHandle::of));
        if (watched.isPresent()) {
            try {
                watched.get().onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                return Optional.empty();
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
        return exitStatus(id);
    }

    /** The shim if it still runs: same pid and same start time as recorded (pids get recycled). */
    Optional<ProcessHandle> shimHandle(ContainerRecord rec) {
        if (rec.shimPid() == null) {
            return Optional.empty();
        }
        return ProcessHandle.of(rec.shimPid()).filter(ProcessHandle::isAlive).filter(h ->
                rec.shimStartedAt() == null || h.info().startInstant().map(rec.shimStartedAt()::equals).orElse(false));
    }

    public Command.Result exec(String id, List<String> argv, Duration timeout) {
        return oci.exec(id, argv, timeout);
    }

    /** Rotates the container's log files that grew past the configured size. */
    public void rotateLogs(String id) {
        ContainerDirs dirs = dirs(id);
        try {
            LogRotator.rotateIfLarger(dirs.stdoutLog(), config.logMaxBytes(), config.logMaxFiles());
            LogRotator.rotateIfLarger(dirs.stderrLog(), config.logMaxBytes(), config.logMaxFiles());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rotate the logs of " + id, e);
        }
    }

    // ---- stop and remove ----------------------------------------------------------------------

    /**
     * Sends {@code signal} to the init (tini forwards it to the process), waits up to {@code grace}
     * for the exit, then SIGKILLs every process of the container and waits for the shim to record it.
     */
    public ExitStatus stop(String id, String signal, Duration grace) {
        Optional<ExitStatus> done = exitStatus(id);
        if (done.isPresent()) {
            return done.get();
        }
        oci.kill(id, signal, false);
        Optional<ExitStatus> exit = awaitExit(id, grace);
        if (exit.isPresent()) {
            return exit.get();
        }
        oci.kill(id, "KILL", true);
        return awaitExit(id, Duration.ofSeconds(10)).orElseThrow(() ->
                new IllegalStateException("container " + id + " did not exit after SIGKILL"));
    }

    /**
     * Removes every trace of a container: runtime state (force-killing it if it still runs), the
     * cgroup in every hierarchy, the rootfs mount, and its directory. Network teardown is the
     * caller's (io.jswarm.worker.network). Idempotent; throws only if something could not be removed.
     */
    public void remove(String id) {
        Optional<ContainerRecord> rec = load(id);
        oci.delete(id, true);
        // The shim writes the exit file as the runtime returns; let it finish before the
        // directory goes, or its late write could race the deletion.
        rec.flatMap(this::shimHandle).ifPresent(shim -> {
            try {
                shim.onExit().get(10, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                throw new IllegalStateException("the shim of " + id + " did not exit after its container was deleted");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        String cgroupPath = rec.map(ContainerRecord::cgroupPath).orElse(config.cgroupPath(id));
        List<Path> left = cgroups.remove(cgroupPath);
        if (!left.isEmpty()) {
            // Processes can linger for a moment after runc delete killed them.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (!left.isEmpty() && System.nanoTime() < deadline) {
                LockSupport.parkNanos(10_000_000);
                left = cgroups.remove(cgroupPath);
            }
            if (!left.isEmpty()) {
                throw new IllegalStateException("cannot remove cgroup of " + id + ": still busy: " + left);
            }
        }
        ContainerDirs dirs = dirs(id);
        OverlayRootfs.unmount(dirs.rootfs());
        deleteTree(dirs.root());
    }

    private void removeQuietly(String id) {
        try {
            ContainerDirs dirs = dirs(id);
            OverlayRootfs.unmount(dirs.rootfs());
            deleteTree(dirs.root());
        } catch (RuntimeException ignored) {
            // best effort on a failed create; the original error is what the caller reports
        }
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }

    // ---- recovery -----------------------------------------------------------------------------

    /** Ids of every container this node has on disk. */
    public List<String> containerIds() {
        try (Stream<Path> s = Files.list(config.containersDir())) {
            return s.filter(p -> Files.exists(p.resolve("container.json"))).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** See {@link ContainerRecovery#recover()}. */
    public List<RecoveredContainer> recover() {
        return new ContainerRecovery(this).recover();
    }

    /** See {@link ContainerRecovery#reapOrphans()}. */
    public List<String> reapOrphans() {
        return new ContainerRecovery(this).reapOrphans();
    }
}
