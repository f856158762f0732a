package io.jswarm.worker.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What a (re)started worker does before anything else: find its containers on disk and decide
 * their state, and get rid of containers that nothing on disk describes. A worker never starts a
 * second copy of a container it finds, and never leaves one running unaccounted.
 */
final class ContainerRecovery {
    private final ContainerRuntime runtime;

    ContainerRecovery(ContainerRuntime runtime) {
        this.runtime = runtime;
    }

    /**
     * Kills and removes what this node's runtime and cgroup parent hold but no container directory
     * describes (a worker that crashed between the runtime's create and saving its record): nothing
     * can ever report such a container, so it must not run on unaccounted. Returns what it removed.
     */
    public List<String> reapOrphans() {
        List<String> known = runtime.containerIds();
        List<String> reaped = new ArrayList<>();
        for (OciState s : runtime.oci().list()) {
            if (!known.contains(s.id())) {
                runtime.oci().delete(s.id(), true);
                runtime.cgroups().remove(runtime.config().cgroupPath(s.id()));
                reaped.add(s.id());
            }
        }
        for (Path parent : runtime.cgroups().layout().directories("/" + runtime.config().cgroupParent())) {
            if (!Files.isDirectory(parent)) {
                continue;
            }
            try (Stream<Path> children = Files.list(parent)) {
                for (Path child : children.filter(Files::isDirectory).toList()) {
                    String id = child.getFileName().toString();
                    if (!known.contains(id) && runtime.cgroups().processes(runtime.config().cgroupPath(id)).isEmpty()) {
                        runtime.cgroups().remove(runtime.config().cgroupPath(id));
                        if (!reaped.contains(id)) {
                            reaped.add(id);
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return reaped;
    }

    /**
     * What a (re)started worker finds: every container on disk with its state, decided from the
     * exit file, the shim's liveness and the runtime's own view. A container whose shim died but
     * whose process still runs is RUNNING (unsupervised) — it is reported, never started again.
     */
    public List<RecoveredContainer> recover() {
        List<OciState> runtimeView = runtime.oci().list();
        List<RecoveredContainer> out = new ArrayList<>();
        for (String id : runtime.containerIds()) {
            ContainerRecord rec = runtime.load(id).orElse(null);
            if (rec == null) {
                continue;
            }
            Optional<ExitStatus> exit = runtime.exitStatus(id);
            Optional<OciState> oci = runtimeView.stream().filter(s -> s.id().equals(id)).findFirst();
            RecoveredContainer.State state;
            if (exit.isPresent()) {
                state = RecoveredContainer.State.EXITED;
            } else if (rec.shimPid() == null) {
                state = RecoveredContainer.State.CREATED;
            } else if (runtime.shimHandle(rec).isPresent() || oci.map(OciState::running).orElse(false)) {
                state = RecoveredContainer.State.RUNNING;
            } else {
                state = RecoveredContainer.State.LOST;
            }
            boolean supervised = runtime.shimHandle(rec).isPresent();
            out.add(new RecoveredContainer(id, state, runtime.pid(id).orElse(null), exit.orElse(null), supervised,
                    runtime.cgroups().processes(rec.cgroupPath()).size()));
        }
        return out;
    }
}
