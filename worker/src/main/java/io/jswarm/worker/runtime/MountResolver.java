package io.jswarm.worker.runtime;

import io.jswarm.api.task.Mount;
import io.jswarm.api.task.MountType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides the host side of each spec mount: a bind's path must exist on this node; a named volume
 * is a directory under the node's volumes dir (shared by every container naming it); an anonymous
 * volume lives and dies with its container; tmpfs needs nothing on the host.
 */
final class MountResolver {
    private MountResolver() {}

    static List<ResolvedMount> resolve(List<Mount> mounts, Path volumesDir, ContainerDirs dirs) {
        List<ResolvedMount> out = new ArrayList<>();
        int anonymous = 0;
        for (Mount m : mounts) {
            if (m.type() == null) {
                throw new ContainerConfigException("container.mounts", "mount to " + m.target() + " has no type");
            }
            switch (m.type()) {
                case BIND -> {
                    if (m.source() == null || !m.source().startsWith("/") || !Files.exists(Path.of(m.source()))) {
                        throw new ContainerConfigException("container.mounts",
                                "bind mount source \"" + m.source() + "\" does not exist on this node");
                    }
                    out.add(new ResolvedMount(MountType.BIND, Path.of(m.source()), m.target(), m.readOnly(), null));
                }
                case VOLUME -> {
                    Path dir;
                    if (m.source() == null || m.source().isBlank()) {
                        dir = dirs.anonymousVolumes().resolve(String.valueOf(anonymous++));
                    } else if (!m.source().matches("[A-Za-z0-9][A-Za-z0-9_.-]*")) {
                        throw new ContainerConfigException("container.mounts", "volume name \"" + m.source() + "\" is not valid");
                    } else {
                        dir = volumesDir.resolve(m.source());
                    }
                    out.add(new ResolvedMount(MountType.VOLUME, dir, m.target(), m.readOnly(), null));
                }
                case TMPFS -> out.add(new ResolvedMount(MountType.TMPFS, null, m.target(), m.readOnly(), m.tmpfsSizeBytes()));
            }
        }
        return out;
    }

}
