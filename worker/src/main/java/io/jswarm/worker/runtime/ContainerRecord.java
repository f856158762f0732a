package io.jswarm.worker.runtime;

import io.jswarm.api.task.ContainerSpec;
import io.jswarm.api.task.Resources;
import java.time.Instant;

/**
 * What the worker persists per container (container.json) so that a restarted worker can find,
 * supervise and clean up a container it did not start: the spec it was made from, where its
 * cgroup and netns are, and the identity of its shim (pid plus start time, so a recycled pid is
 * never mistaken for the shim).
 */
public record ContainerRecord(
        String id,
        ContainerSpec spec,
        Resources limits,
        String cgroupPath,
        String netnsPath,
        String ipAddress,
        Instant createdAt,
        Long shimPid,
        Instant shimStartedAt,
        Instant startedAt,
        ExitStatus exit) {

    ContainerRecord withShim(long pid, Instant shimStart, Instant started) {
        return new ContainerRecord(id, spec, limits, cgroupPath, netnsPath, ipAddress, createdAt, pid, shimStart, started, exit);
    }

    ContainerRecord withExit(ExitStatus e) {
        return new ContainerRecord(id, spec, limits, cgroupPath, netnsPath, ipAddress, createdAt, shimPid, shimStartedAt, startedAt, e);
    }
}
