package io.jswarm.worker.runtime;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * An OCI runtime CLI (runc, crun): the only thing that creates namespaces and joins cgroups, in
 * its own process, never in the JVM. Container ids are scoped by the runtime's state root, so
 * several worker nodes on one machine never see each other's containers.
 */
public interface OciRuntime {
    String name();

    /**
     * The argv a shim runs to start the bundle in the foreground: it returns the container's exit
     * status, writes the init's host pid to {@code pidFile} once the container exists, and keeps the
     * container (and its cgroup, for OOM accounting) after it exits until {@link #delete}.
     */
    List<String> runArgv(String id, Path bundle, Path pidFile);

    Optional<OciState> state(String id);

    List<OciState> list();

    /** Sends {@code signal} (a name like TERM or a number) to the init, or to every process with {@code all}. */
    void kill(String id, String signal, boolean all);

    /** Deletes a stopped container's runtime state (and its cgroup); {@code force} kills it first. */
    void delete(String id, boolean force);

    /** Runs {@code argv} inside the running container with its user, env and limits. */
    Command.Result exec(String id, List<String> argv, Duration timeout);
}
