package io.jswarm.worker.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The small pure pieces: /proc parsers, container files, overlay options, shim script, rotation. */
class PureRuntimePartsTest {
    @Test
    void hybridCgroupLayoutIsRecognised() {
        CgroupLayout l = CgroupLayout.parse("""
                tmpfs /sys/fs/cgroup tmpfs rw,relatime,mode=755 0 0
                cgroup /sys/fs/cgroup/memory cgroup rw,relatime,memory 0 0
                cgroup /sys/fs/cgroup/cpu,cpuacct cgroup rw,nosuid,nodev,noexec,relatime,cpu,cpuacct 0 0
                cgroup /sys/fs/cgroup/pids cgroup rw,relatime,pids 0 0
                cgroup /sys/fs/cgroup/systemd cgroup rw,relatime,xattr,name=systemd 0 0
                cgroup2 /sys/fs/cgroup/unified cgroup2 rw,relatime 0 0
                """);
        assertFalse(l.pureV2());
        assertEquals(Path.of("/sys/fs/cgroup/memory/jswarm-n1/c1"), l.memoryDir("/jswarm-n1/c1"));
        assertEquals(Path.of("/sys/fs/cgroup/cpu,cpuacct/n/c"), l.controllerDir("cpuacct", "/n/c"));
        assertEquals(5, l.directories("/n/c").size());
        assertTrue(l.directories("/n/c").contains(Path.of("/sys/fs/cgroup/unified/n/c")));
    }

    @Test
    void pureV2LayoutUsesTheUnifiedTree() {
        CgroupLayout l = CgroupLayout.parse("cgroup2 /sys/fs/cgroup cgroup2 rw,nosuid,nodev,noexec,relatime 0 0\n");
        assertTrue(l.pureV2());
        assertEquals(Path.of("/sys/fs/cgroup/n/c"), l.memoryDir("/n/c"));
        assertEquals(List.of(Path.of("/sys/fs/cgroup/n/c")), l.directories("/n/c"));
    }

    @Test
    void oomCounterIsReadFromEitherFormat(@TempDir Path dir) throws Exception {
        Path v1 = Files.writeString(dir.resolve("memory.oom_control"), "oom_kill_disable 0\nunder_oom 0\noom_kill 2\n");
        Path v2 = Files.writeString(dir.resolve("memory.events"), "low 0\nhigh 0\nmax 5\noom 1\noom_kill 1\n");
        assertEquals(2, Cgroups.counter(v1, "oom_kill").getAsLong());
        assertEquals(1, Cgroups.counter(v2, "oom_kill").getAsLong());
        assertTrue(Cgroups.counter(dir.resolve("gone"), "oom_kill").isEmpty());
    }

    @Test
    void hostLimitsParseUnlimitedAndClamp() {
        HostLimits h = HostLimits.parse("""
                Limit                     Soft Limit           Hard Limit           Units
                Max open files            1024                 20000                files
                Max core file size        0                    unlimited            bytes
                """);
        assertEquals(20000, h.hard("RLIMIT_NOFILE").getAsLong());
        assertTrue(h.hard("RLIMIT_CORE").isEmpty());
        assertEquals(20000, h.clamp("RLIMIT_NOFILE", 1 << 20));
        assertEquals(1 << 20, h.clamp("RLIMIT_CORE", 1 << 20));
    }

    @Test
    void etcFilesFollowDockersRules() {
        assertTrue(ContainerFiles.hosts("web", "10.9.0.2", List.of("10.0.0.1 db")).contains("10.9.0.2\tweb\n10.0.0.1 db\n"));
        assertEquals("nameserver 1.1.1.1\n", ContainerFiles.resolvConf(List.of("1.1.1.1"), "nameserver 9.9.9.9\n"));
        assertEquals("nameserver 9.9.9.9\nsearch lan\n",
                ContainerFiles.resolvConf(List.of(), "nameserver 127.0.0.53\nnameserver 9.9.9.9\nsearch lan\n"));
        assertEquals("nameserver 8.8.8.8\nnameserver 8.8.4.4\n", ContainerFiles.resolvConf(List.of(), "nameserver 127.0.0.1\n"));
    }

    @Test
    void overlayListsTheTopLayerFirst() {
        assertEquals("lowerdir=/l/top:/l/base,upperdir=/c/upper,workdir=/c/work",
                OverlayRootfs.options(List.of(Path.of("/l/base"), Path.of("/l/top")), Path.of("/c/upper"), Path.of("/c/work")));
    }

    @Test
    void shimQuotesEverythingAndWritesTheExitFileByRename() {
        ContainerDirs d = new ContainerDirs(Path.of("/data/containers/c1"));
        String s = ShimScript.render("c1", List.of("/usr/sbin/runc", "run", "it's"), d);
        assertTrue(s.contains("'/usr/sbin/runc' 'run' 'it'\\''s' </dev/null >>'/data/containers/c1/logs/stdout.log'"), s);
        assertTrue(s.contains("mv '/data/containers/c1/exit.tmp' '/data/containers/c1/exit'"), s);
    }

    @Test
    void rotationKeepsTheNewestFilesAndTruncates(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("stdout.log");
        for (int round = 1; round <= 3; round++) {
            Files.writeString(log, ("round" + round + "\n").repeat(300));
            assertTrue(LogRotator.rotateIfLarger(log, 1024, 2));
            assertEquals(0, Files.size(log));
        }
        assertTrue(Files.readString(dir.resolve("stdout.log.1")).startsWith("round3"));
        assertTrue(Files.readString(dir.resolve("stdout.log.2")).startsWith("round2"));
        assertFalse(Files.exists(dir.resolve("stdout.log.3")));
        Files.writeString(log, "small\n");
        assertFalse(LogRotator.rotateIfLarger(log, 1024, 2));
    }

    @Test
    void runcErrorsAreShortenedToTheirMessage() {
        assertEquals("container with id exists: c1", CommandFailedException.oneLine(
                "time=\"2026-01-01T00:00:00Z\" level=error msg=\"container with id exists: c1\"\n"));
    }
}
