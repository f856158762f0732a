package io.jswarm.worker.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jswarm.api.task.ContainerSpec;
import io.jswarm.api.task.MountType;
import io.jswarm.api.task.Resources;
import io.jswarm.api.task.Ulimit;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OciConfigBuilderTest {
    static final HostLimits HOST = HostLimits.parse("""
            Limit                     Soft Limit           Hard Limit           Units
            Max processes             96365                96365                processes
            Max open files            20000                20000                files
            Max core file size        0                    unlimited            bytes
            """);

    static BundleInputs inputs(ContainerSpec spec, Resources limits, ImageDefaults image, List<ResolvedMount> mounts) {
        return new BundleInputs("c1", spec, limits, image, new ContainerUser(1000, 1000, List.of(27)), "web-1", mounts,
                Path.of("/d/etc/hosts"), Path.of("/d/etc/hostname"), Path.of("/d/etc/resolv.conf"),
                Path.of("/usr/bin/tini-static"), "/run/netns/jsw-c1", "/jswarm-n1/c1", HOST, true);
    }

    static JsonNode build(ContainerSpec spec, Resources limits) {
        return OciConfigBuilder.build(inputs(spec, limits, ImageDefaults.NONE, List.of()));
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void processRunsUnderTiniWithUserEnvAndCwd() {
        JsonNode c = OciConfigBuilder.build(inputs(new ContainerSpec("busybox", null, List.of("-c", "echo hi"), List.of("A=2"),
                        null, null, null, null, null, null, null, null, false, null, null, null, null, null, null, null),
                Resources.NONE, new ImageDefaults(List.of("sh"), List.of("-c", "true"), List.of("A=1", "B=1"), "/srv", null), List.of()));
        assertEquals("1.0.2", c.path("ociVersion").asText());
        JsonNode p = c.path("process");
        assertFalse(p.path("terminal").asBoolean());
        assertEquals(List.of("/sbin/tini", "--", "sh", "-c", "echo hi"), texts(p.path("args")));
        assertTrue(texts(p.path("env")).containsAll(List.of("A=2", "B=1", "HOSTNAME=web-1")));
        assertTrue(texts(p.path("env")).stream().anyMatch(e -> e.startsWith("PATH=")));
        assertEquals("/srv", p.path("cwd").asText());
        assertEquals(1000, p.path("user").path("uid").asInt());
        assertEquals(List.of("27"), texts(p.path("user").path("additionalGids")));
        assertEquals("web-1", c.path("hostname").asText());
        assertEquals("rootfs", c.path("root").path("path").asText());
    }

    @Test
    void noInitRunsTheProcessAsPidOne() {
        ContainerSpec spec = new ContainerSpec("busybox", List.of("sleep"), List.of("1"), null, null, null, null, null, null,
                null, null, null, false, false, null, null, null, null, null, null);
        BundleInputs in = inputs(spec, Resources.NONE, ImageDefaults.NONE, List.of());
        BundleInputs noInit = new BundleInputs(in.containerId(), in.spec(), in.limits(), in.image(), in.user(), in.hostname(),
                in.mounts(), in.hostsFile(), in.hostnameFile(), in.resolvConfFile(), null, in.netnsPath(), in.cgroupsPath(),
                in.hostLimits(), in.swapAccounting());
        JsonNode c = OciConfigBuilder.build(noInit);
        assertEquals(List.of("sleep", "1"), texts(c.path("process").path("args")));
        assertFalse(c.path("mounts").toString().contains("/sbin/tini"));
    }

    @Test
    void limitsBecomeCgroupResources() {
        JsonNode r = build(ContainerSpec.of("busybox", "true"), new Resources(500_000_000L, 64L << 20, 100L))
                .path("linux").path("resources");
        assertEquals(64L << 20, r.path("memory").path("limit").asLong());
        assertEquals(64L << 20, r.path("memory").path("swap").asLong());
        assertEquals(50_000, r.path("cpu").path("quota").asLong());
        assertEquals(100_000, r.path("cpu").path("period").asLong());
        assertEquals(100, r.path("pids").path("limit").asLong());
        assertFalse(r.path("devices").get(0).path("allow").asBoolean());
    }

    @Test
    void tooSmallLimitsAreRefusedWithTheField() {
        ContainerConfigException mem = assertThrows(ContainerConfigException.class,
                () -> build(ContainerSpec.of("busybox", "true"), new Resources(null, 4L << 20, null)));
        assertEquals("resources.limits.memoryBytes", mem.field());
        assertTrue(mem.getMessage().contains("below"), mem.getMessage());
        ContainerConfigException cpu = assertThrows(ContainerConfigException.class,
                () -> build(ContainerSpec.of("busybox", "true"), new Resources(1_000_000L, null, null)));
        assertEquals("resources.limits.nanoCpus", cpu.field());
    }

    @Test
    void namespacesJoinThePreparedNetnsAndTheCgroupIsUnderTheNodeParent() {
        JsonNode l = build(ContainerSpec.of("busybox", "true"), Resources.NONE).path("linux");
        List<String> types = new ArrayList<>();
        l.path("namespaces").forEach(n -> types.add(n.path("type").asText()));
        assertEquals(List.of("pid", "ipc", "uts", "mount", "network"), types);
        assertEquals("/run/netns/jsw-c1", l.path("namespaces").get(4).path("path").asText());
        assertEquals("/jswarm-n1/c1", l.path("cgroupsPath").asText());
        assertTrue(texts(l.path("maskedPaths")).contains("/proc/kcore"));
        assertTrue(texts(l.path("readonlyPaths")).contains("/proc/sys"));
    }

    @Test
    void capabilitiesAreDockersDefaultsWithAddAndDrop() {
        ContainerSpec spec = new ContainerSpec("busybox", null, List.of("true"), null, null, null, null, null, null, null,
                null, null, false, null, List.of("NET_ADMIN"), List.of("CAP_MKNOD", "net_raw"), null, null, null, null);
        List<String> caps = texts(build(spec, Resources.NONE).path("process").path("capabilities").path("bounding"));
        assertTrue(caps.contains("CAP_NET_ADMIN"));
        assertTrue(caps.contains("CAP_CHOWN"));
        assertFalse(caps.contains("CAP_MKNOD"));
        assertFalse(caps.contains("CAP_NET_RAW"));
        assertFalse(caps.contains("CAP_SYS_ADMIN"));
        ContainerSpec none = new ContainerSpec("busybox", null, List.of("true"), null, null, null, null, null, null, null,
                null, null, false, null, null, List.of("ALL"), null, null, null, null);
        assertEquals(List.of(), texts(build(none, Resources.NONE).path("process").path("capabilities").path("effective")));
    }

    @Test
    void rlimitsNeverExceedTheHostHardLimit() {
        ContainerSpec spec = new ContainerSpec("busybox", null, List.of("true"), null, null, null, null, null, null, null,
                null, null, false, null, null, null, null, List.of(new Ulimit("nofile", 65536, 65536), new Ulimit("nproc", 100, 200)),
                null, null);
        JsonNode rl = build(spec, Resources.NONE).path("process").path("rlimits");
        assertEquals("RLIMIT_NOFILE", rl.get(0).path("type").asText());
        assertEquals(20000, rl.get(0).path("hard").asLong());
        assertEquals(20000, rl.get(0).path("soft").asLong());
        assertEquals(200, rl.get(1).path("hard").asLong());
        assertEquals(100, rl.get(1).path("soft").asLong());
        ContainerSpec bad = new ContainerSpec("busybox", null, List.of("true"), null, null, null, null, null, null, null,
                null, null, false, null, null, null, null, List.of(new Ulimit("nofiles", 1, 1)), null, null);
        assertEquals("container.ulimits", assertThrows(ContainerConfigException.class, () -> build(bad, Resources.NONE)).field());
    }

    @Test
    void mountsIncludeStandardFilesystemsEtcFilesAndSpecMounts() {
        JsonNode c = OciConfigBuilder.build(inputs(ContainerSpec.of("busybox", "true"), Resources.NONE, ImageDefaults.NONE, List.of(
                new ResolvedMount(MountType.BIND, Path.of("/srv/data"), "/data", true, null),
                new ResolvedMount(MountType.VOLUME, Path.of("/var/lib/jswarm/volumes/db"), "/db", false, null),
                new ResolvedMount(MountType.TMPFS, null, "/scratch", false, 1L << 20))));
        Map<String, JsonNode> byDest = new java.util.HashMap<>();
        c.path("mounts").forEach(m -> byDest.put(m.path("destination").asText(), m));
        for (String d : List.of("/proc", "/dev", "/dev/pts", "/dev/shm", "/dev/mqueue", "/sys", "/etc/hosts", "/etc/hostname",
                "/etc/resolv.conf", "/sbin/tini", "/data", "/db", "/scratch")) {
            assertTrue(byDest.containsKey(d), "missing mount " + d);
        }
        assertTrue(texts(byDest.get("/sys").path("options")).contains("ro"));
        assertTrue(texts(byDest.get("/sbin/tini").path("options")).contains("ro"));
        assertEquals("/usr/bin/tini-static", byDest.get("/sbin/tini").path("source").asText());
        assertTrue(texts(byDest.get("/data").path("options")).contains("ro"));
        assertTrue(texts(byDest.get("/db").path("options")).contains("rw"));
        assertEquals("tmpfs", byDest.get("/scratch").path("type").asText());
        assertTrue(texts(byDest.get("/scratch").path("options")).contains("size=1048576"));
    }

    @Test
    void relativeMountTargetIsRefused() {
        ContainerConfigException e = assertThrows(ContainerConfigException.class, () -> OciConfigBuilder.build(
                inputs(ContainerSpec.of("busybox", "true"), Resources.NONE, ImageDefaults.NONE,
                        List.of(new ResolvedMount(MountType.TMPFS, null, "tmp", false, null)))));
        assertEquals("container.mounts", e.field());
    }
}
