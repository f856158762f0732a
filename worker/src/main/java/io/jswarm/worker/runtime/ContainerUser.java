package io.jswarm.worker.runtime;

import java.util.List;

/** The numeric identity the container's process runs as. */
public record ContainerUser(int uid, int gid, List<Integer> additionalGids) {
    public static final ContainerUser ROOT = new ContainerUser(0, 0, List.of());

    public ContainerUser {
        additionalGids = List.copyOf(additionalGids);
    }
}
