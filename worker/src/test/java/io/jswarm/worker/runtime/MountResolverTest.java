package io.jswarm.worker.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jswarm.api.task.Mount;
import io.jswarm.api.task.MountType;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MountResolverTest {
    @Test
    void volumesLiveUnderTheNodeOrTheContainerAndBindsMustExist(@TempDir Path tmp) {
        ContainerDirs dirs = new ContainerDirs(tmp.resolve("containers/c1"));
        List<ResolvedMount> r = MountResolver.resolve(List.of(
                new Mount(MountType.VOLUME, "db", "/var/lib/db", false, null),
                new Mount(MountType.VOLUME, null, "/cache", false, null),
                new Mount(MountType.BIND, tmp.toString(), "/host", true, null),
                new Mount(MountType.TMPFS, null, "/scratch", false, 1L << 20)), tmp.resolve("volumes"), dirs);
        assertEquals(tmp.resolve("volumes/db"), r.get(0).hostSource());
        assertTrue(r.get(1).hostSource().startsWith(dirs.root()), "an anonymous volume must die with its container");
        assertEquals(tmp, r.get(2).hostSource());
        assertEquals(1L << 20, r.get(3).tmpfsSizeBytes());
    }

    @Test
    void badSourcesAreRefusedNamingTheField(@TempDir Path tmp) {
        ContainerDirs dirs = new ContainerDirs(tmp.resolve("c1"));
        ContainerConfigException missing = assertThrows(ContainerConfigException.class, () -> MountResolver.resolve(
                List.of(new Mount(MountType.BIND, "/no/such/dir", "/x", false, null)), tmp, dirs));
        assertEquals("container.mounts", missing.field());
        assertTrue(missing.getMessage().contains("/no/such/dir"), missing.getMessage());
        assertThrows(ContainerConfigException.class, () -> MountResolver.resolve(
                List.of(new Mount(MountType.VOLUME, "../escape", "/x", false, null)), tmp, dirs));
    }
}
