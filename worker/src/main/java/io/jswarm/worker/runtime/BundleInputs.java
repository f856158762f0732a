package io.jswarm.worker.runtime;

import io.jswarm.api.task.ContainerSpec;
import io.jswarm.api.task.Resources;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything {@link OciConfigBuilder} needs, already looked up on the host: the builder itself does
 * no I/O, so every rule of the bundle is unit-tested without root.
 *
 * @param initBinary   host path of tini to bind-mount as PID 1, or null to run the process directly
 * @param netnsPath    a network namespace prepared by the worker, or null for a new, empty one
 * @param cgroupsPath  absolute cgroup path below the hierarchy roots, e.g. /jswarm-n1/c1
 * @param swapAccounting whether memory+swap can be limited (v1 memsw or v2); then swap = 0
 */
public record BundleInputs(
        String containerId,
        ContainerSpec spec,
        Resources limits,
        ImageDefaults image,
        ContainerUser user,
        String hostname,
        List<ResolvedMount> mounts,
        Path hostsFile,
        Path hostnameFile,
        Path resolvConfFile,
        Path initBinary,
        String netnsPath,
        String cgroupsPath,
        HostLimits hostLimits,
        boolean swapAccounting) {

    public BundleInputs {
        limits = limits == null ? Resources.NONE : limits;
        mounts = List.copyOf(mounts);
    }
}
