package io.jswarm.worker.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jswarm.api.task.ContainerSpec;
import io.jswarm.api.task.MountType;
import io.jswarm.api.task.Resources;
import io.jswarm.api.task.Ulimit;
import io.jswarm.api.units.ByteSizes;
import io.jswarm.api.units.Cpus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Builds an OCI runtime config.json (runtime-spec 1.0) from a {@link BundleInputs}. Pure: the same
 * inputs give the same document. OCI's field names are camelCase ({@code ociVersion}), so this
 * uses a plain Jackson tree rather than jswarm's mapper, whose conventions belong to jswarm's own
 * wire format.
 */
public final class OciConfigBuilder {
    private OciConfigBuilder() {}

    private static final ObjectMapper OCI = new ObjectMapper();

    public static ObjectMapper mapper() {
        return OCI;
    }

    public static ObjectNode build(BundleInputs in) {
        ContainerSpec spec = in.spec();
        ObjectNode root = OCI.createObjectNode();
        root.put("ociVersion", "1.0.2");
        root.set("process", process(in));
        ObjectNode rootfs = root.putObject("root");
        rootfs.put("path", "rootfs");
        rootfs.put("readonly", spec.readOnly());
        root.put("hostname", in.hostname());
        root.set("mounts", mounts(in));
        root.set("linux", linux(in));
        return root;
    }

    private static ObjectNode process(BundleInputs in) {
        ContainerSpec spec = in.spec();
        ObjectNode p = OCI.createObjectNode();
        p.put("terminal", false);
        ObjectNode user = p.putObject("user");
        user.put("uid", in.user().uid());
        user.put("gid", in.user().gid());
        if (!in.user().additionalGids().isEmpty()) {
            ArrayNode gids = user.putArray("additionalGids");
            in.user().additionalGids().forEach(gids::add);
        }
        List<String> argv = new ArrayList<>();
        if (in.initBinary() != null) {
            // tini as PID 1 forwards the stop signal to the user's process and reaps zombies;
            // without it a process that installs no handler ignores SIGTERM as PID 1.
            argv.add(DockerDefaults.INIT_PATH);
            argv.add("--");
        }
        argv.addAll(ProcessArgs.argv(spec, in.image()));
        strings(p.putArray("args"), argv);
        strings(p.putArray("env"), ProcessArgs.env(spec, in.image(), in.hostname()));
        p.put("cwd", ProcessArgs.cwd(spec, in.image()));
        ObjectNode caps = p.putObject("capabilities");
        List<String> effective = capabilities(spec);
        for (String set : List.of("bounding", "effective", "permitted")) {
            strings(caps.putArray(set), effective);
        }
        p.set("rlimits", rlimits(spec.ulimits(), in.hostLimits()));
        p.put("noNewPrivileges", false);
        return p;
    }

    /** Docker's default set, minus cap_drop, plus cap_add; "ALL" works on either side. */
    static List<String> capabilities(ContainerSpec spec) {
        Set<String> caps = new LinkedHashSet<>(DockerDefaults.CAPABILITIES);
        List<String> drop = spec.capabilityDrop().stream().map(OciConfigBuilder::capName).toList();
        List<String> add = spec.capabilityAdd().stream().map(OciConfigBuilder::capName).toList();
        if (drop.contains("CAP_ALL")) {
            caps.clear();
        } else {
            drop.forEach(caps::remove);
        }
        if (add.contains("CAP_ALL")) {
            caps.addAll(DockerDefaults.ALL_CAPABILITIES);
        } else {
            for (String c : add) {
                if (!DockerDefaults.ALL_CAPABILITIES.contains(c)) {
                    throw new ContainerConfigException("container.capabilityAdd", "unknown capability \"" + c + "\"");
                }
                caps.add(c);
            }
        }
        return List.copyOf(caps);
    }

    private static String capName(String c) {
        String up = c.strip().toUpperCase(Locale.ROOT);
        return up.startsWith("CAP_") ? up : "CAP_" + up;
    }

    /**
     * The container starts with the host's hard NOFILE limit unless the spec says otherwise, and
     * every limit is clamped to the host's hard limit (root here cannot raise one: no
     * CAP_SYS_RESOURCE, and runc would fail the whole start with EPERM).
     */
    static ArrayNode rlimits(List<Ulimit> ulimits, HostLimits host) {
        Map<String, long[]> limits = new LinkedHashMap<>();
        host.hard("RLIMIT_NOFILE").ifPresent(h -> limits.put("RLIMIT_NOFILE", new long[] {h, h}));
        for (Ulimit u : ulimits) {
            if (u.soft() > u.hard() && u.hard() >= 0) {
                throw new ContainerConfigException("container.ulimits",
                        "ulimit " + u.name() + ": soft limit " + u.soft() + " is above the hard limit " + u.hard());
            }
            String name = HostLimits.rlimitName(u.name());
            long hard = host.clamp(name, u.hard());
            long soft = Math.min(host.clamp(name, u.soft()), hard < 0 ? Long.MAX_VALUE : hard);
            limits.put(name, new long[] {soft, hard});
        }
        ArrayNode out = OCI.createArrayNode();
        limits.forEach((name, sh) -> {
            ObjectNode r = out.addObject();
            r.put("type", name);
            r.put("hard", sh[1] < 0 ? -1L : sh[1]);
            r.put("soft", sh[0] < 0 ? -1L : sh[0]);
        });
        return out;
    }

    private static ArrayNode mounts(BundleInputs in) {
        ArrayNode m = OCI.createArrayNode();
        mount(m, "/proc", "proc", "proc", List.of("nosuid", "noexec", "nodev"));
        mount(m, "/dev", "tmpfs", "tmpfs", List.of("nosuid", "strictatime", "mode=755", "size=65536k"));
        mount(m, "/dev/pts", "devpts", "devpts",
                List.of("nosuid", "noexec", "newinstance", "ptmxmode=0666", "mode=0620", "gid=5"));
        mount(m, "/sys", "sysfs", "sysfs", List.of("nosuid", "noexec", "nodev", "ro"));
        mount(m, "/sys/fs/cgroup", "cgroup", "cgroup", List.of("ro", "nosuid", "noexec", "nodev", "relatime"));
        mount(m, "/dev/mqueue", "mqueue", "mqueue", List.of("nosuid", "noexec", "nodev"));
        mount(m, "/dev/shm", "tmpfs", "shm", List.of("nosuid", "noexec", "nodev", "mode=1777", "size=67108864"));
        bind(m, "/etc/hosts", in.hostsFile().toString(), false);
        bind(m, "/etc/hostname", in.hostnameFile().toString(), false);
        bind(m, "/etc/resolv.conf", in.resolvConfFile().toString(), false);
        if (in.initBinary() != null) {
            bind(m, DockerDefaults.INIT_PATH, in.initBinary().toString(), true);
        }
        for (ResolvedMount rm : in.mounts()) {
            if (!rm.target().startsWith("/")) {
                throw new ContainerConfigException("container.mounts",
                        "mount target \"" + rm.target() + "\" must be an absolute path");
            }
            if (rm.type() == MountType.TMPFS) {
                List<String> opts = new ArrayList<>(List.of("nosuid", "nodev", "mode=1777"));
                if (rm.tmpfsSizeBytes() != null) {
                    opts.add("size=" + rm.tmpfsSizeBytes());
                }
                if (rm.readOnly()) {
                    opts.add("ro");
                }
                mount(m, rm.target(), "tmpfs", "tmpfs", opts);
            } else {
                bind(m, rm.target(), rm.hostSource().toString(), rm.readOnly());
            }
        }
        return m;
    }

    private static void mount(ArrayNode m, String dest, String type, String source, List<String> options) {
        ObjectNode o = m.addObject();
        o.put("destination", dest);
        o.put("type", type);
        o.put("source", source);
        strings(o.putArray("options"), options);
    }

    private static void bind(ArrayNode m, String dest, String source, boolean readOnly) {
        mount(m, dest, "bind", source, List.of("rbind", "rprivate", readOnly ? "ro" : "rw"));
    }

    private static ObjectNode linux(BundleInputs in) {
        ObjectNode l = OCI.createObjectNode();
        ArrayNode ns = l.putArray("namespaces");
        for (String type : List.of("pid", "ipc", "uts", "mount")) {
            ns.addObject().put("type", type);
        }
        ObjectNode net = ns.addObject();
        net.put("type", "network");
        if (in.netnsPath() != null) {
            net.put("path", in.netnsPath());
        }
        l.put("cgroupsPath", in.cgroupsPath());
        l.set("resources", resources(in.limits(), in.swapAccounting()));
        if (!in.spec().sysctls().isEmpty()) {
            ObjectNode sysctl = l.putObject("sysctl");
            in.spec().sysctls().forEach(sysctl::put);
        }
        strings(l.putArray("maskedPaths"), DockerDefaults.MASKED_PATHS);
        strings(l.putArray("readonlyPaths"), DockerDefaults.READONLY_PATHS);
        return l;
    }

    static ObjectNode resources(Resources limits, boolean swapAccounting) {
        ObjectNode r = OCI.createObjectNode();
        // Deny every device, then runc adds its default allow-list (null, zero, full, tty, random…).
        ObjectNode deny = r.putArray("devices").addObject();
        deny.put("allow", false);
        deny.put("access", "rwm");
        if (limits.memoryBytes() != null) {
            long mem = limits.memoryBytes();
            if (mem < DockerDefaults.MIN_MEMORY_BYTES) {
                throw new ContainerConfigException("resources.limits.memoryBytes",
                        "memory limit " + ByteSizes.format(mem) + " is below the "
                                + ByteSizes.format(DockerDefaults.MIN_MEMORY_BYTES) + " a container needs to start");
            }
            ObjectNode m = r.putObject("memory");
            m.put("limit", mem);
            if (swapAccounting) {
                m.put("swap", mem); // memory+swap = memory: the limit cannot be escaped into swap
            }
        }
        if (limits.nanoCpus() != null) {
            long quota = limits.nanoCpus() * DockerDefaults.CPU_PERIOD_MICROS / Cpus.NANOS_PER_CPU;
            if (quota < DockerDefaults.MIN_CPU_QUOTA_MICROS) {
                throw new ContainerConfigException("resources.limits.nanoCpus",
                        "CPU limit " + Cpus.format(limits.nanoCpus()) + " is below the minimum of 0.01 CPUs");
            }
            ObjectNode c = r.putObject("cpu");
            c.put("quota", quota);
            c.put("period", DockerDefaults.CPU_PERIOD_MICROS);
        }
        if (limits.pids() != null) {
            if (limits.pids() < 1) {
                throw new ContainerConfigException("resources.limits.pids", "pids limit must be at least 1, got " + limits.pids());
            }
            r.putObject("pids").put("limit", limits.pids());
        }
        return r;
    }

    private static void strings(ArrayNode a, List<String> values) {
        values.forEach(a::add);
    }
}
