package io.jswarm.compose.validate;

import io.jswarm.api.task.Mount;
import io.jswarm.api.task.MountType;
import io.jswarm.compose.model.Located;
import io.jswarm.compose.yaml.YMap;
import io.jswarm.compose.yaml.YNode;
import io.jswarm.compose.yaml.YScalar;
import io.jswarm.compose.yaml.YSeq;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code volumes:} and {@code tmpfs:} of a service. Short: {@code TARGET} (anonymous volume),
 * {@code SOURCE:TARGET[:MODE]} where a source starting with {@code /}, {@code .} or {@code ~} is a
 * host path (bind, made absolute against the project directory) and anything else a named volume.
 * Long: {@code type} bind, volume or tmpfs with {@code source}, {@code target}, {@code read_only},
 * {@code tmpfs.size}. Named volumes are checked against the top-level {@code volumes} by the
 * project reader.
 */
final class VolumeSyntax {
    private VolumeSyntax() {}

    private static final Set<String> LONG_KEYS = Set.of("type", "source", "target", "read_only", "bind", "volume", "tmpfs", "consistency");
    private static final Set<String> MODES = Set.of("ro", "rw");
    private static final Set<String> IGNORED_MODES = Set.of("z", "Z", "nocopy", "cached", "delegated", "consistent",
            "shared", "rshared", "slave", "rslave", "private", "rprivate");

    static List<Located<Mount>> read(Fields f, ReadContext ctx, YNode node, String path) {
        List<Located<Mount>> out = new ArrayList<>();
        if (!(node instanceof YSeq seq)) {
            f.error(node, path, "expected a list of volumes, got " + Fields.quote(node));
            return out;
        }
        for (int i = 0; i < seq.items().size(); i++) {
            YNode item = seq.items().get(i);
            String p = path + "[" + i + "]";
            Mount m = item instanceof YMap map ? longForm(f, ctx, map, p)
                    : item instanceof YScalar s && s.type() == YScalar.Type.STRING ? shortForm(f, ctx, s, p)
                    : invalid(f, item, p);
            if (m != null) {
                out.add(new Located<>(m, p));
            }
        }
        return out;
    }

    private static Mount invalid(Fields f, YNode item, String path) {
        f.error(item, path, "expected a volume such as \"data:/var/lib/data\" or a mapping with type/source/target, got " + Fields.quote(item));
        return null;
    }

    private static Mount shortForm(Fields f, ReadContext ctx, YScalar s, String path) {
        String[] parts = s.text().split(":", -1);
        if (parts.length > 3 || parts[0].isEmpty() || (parts.length > 1 && parts[1].isEmpty())) {
            f.error(s, path, "invalid volume \"" + s.text() + "\" (use TARGET, SOURCE:TARGET or SOURCE:TARGET:MODE)");
            return null;
        }
        if (parts.length == 1) {
            return checkTarget(f, s, path, new Mount(MountType.VOLUME, null, parts[0], false, null));
        }
        boolean readOnly = false;
        if (parts.length == 3) {
            for (String mode : parts[2].split(",")) {
                if (mode.equals("ro")) {
                    readOnly = true;
                } else if (IGNORED_MODES.contains(mode)) {
                    f.diag.warn(s.pos(), path, "mount option \"" + mode + "\" ignored");
                } else if (!MODES.contains(mode)) {
                    f.error(s, path, "unknown volume mode \"" + mode + "\" (use ro or rw)");
                    return null;
                }
            }
        }
        String source = parts[0];
        if (isHostPath(source)) {
            String abs = resolve(f, ctx, s, path, source);
            return abs == null ? null : checkTarget(f, s, path, new Mount(MountType.BIND, abs, parts[1], readOnly, null));
        }
        return checkTarget(f, s, path, new Mount(MountType.VOLUME, source, parts[1], readOnly, null));
    }

    private static boolean isHostPath(String source) {
        return source.startsWith("/") || source.startsWith(".") || source.startsWith("~");
    }

    private static String resolve(Fields f, ReadContext ctx, YNode at, String path, String source) {
        try {
            return ctx.resolve(source);
        } catch (IllegalArgumentException e) {
            f.error(at, path, e.getMessage());
            return null;
        }
    }

    private static Mount checkTarget(Fields f, YNode at, String path, Mount m) {
        if (m.target() == null || !m.target().startsWith("/")) {
            f.error(at, path, "the mount target must be an absolute path in the container, got \""
                    + (m.target() == null ? "" : m.target()) + "\"");
            return null;
        }
        return m;
    }

    private static Mount longForm(Fields f, ReadContext ctx, YMap m, String path) {
        f.keys(m, path, LONG_KEYS, Map.of());
        if (!m.has("type") || !m.has("target")) {
            f.error(m, path, "a volume in long syntax needs type and target");
            return null;
        }
        String typeText = m.get("type") instanceof YScalar ts ? ts.text() : "";
        if (Set.of("npipe", "cluster", "image").contains(typeText)) {
            f.error(m.get("type"), path + ".type", "volume type \"" + typeText + "\" is not supported (use bind, volume or tmpfs)");
            return null;
        }
        String type = f.choice(m.get("type"), path + ".type", List.of("bind", "volume", "tmpfs"));
        String target = f.string(m.get("target"), path + ".target");
        String source = m.has("source") ? f.string(m.get("source"), path + ".source") : null;
        boolean readOnly = m.has("read_only") && Boolean.TRUE.equals(f.bool(m.get("read_only"), path + ".read_only"));
        if (m.has("consistency")) {
            f.diag.warn(m.keyPos("consistency"), path + ".consistency", "ignored: consistency only matters on Docker Desktop");
        }
        Long size = null;
        for (String sub : List.of("bind", "volume", "tmpfs")) {
            if (!m.has(sub)) {
                continue;
            }
            YMap opts = f.map(m.get(sub), path + "." + sub);
            if (!sub.equals(type)) {
                f.error(m.get(sub), path + "." + sub, "\"" + sub + "\" options on a volume of type " + type);
                continue;
            }
            if (opts == null) {
                continue;
            }
            if (sub.equals("tmpfs")) {
                f.keys(opts, path + ".tmpfs", Set.of("size"), Map.of("mode", "tmpfs mounts use mode 1777"));
                if (opts.has("size")) {
                    size = f.bytes(opts.get("size"), path + ".tmpfs.size");
                }
            } else if (sub.equals("bind")) {
                f.keys(opts, path + ".bind", Set.of(), Map.of("propagation", "jswarm uses private propagation",
                        "create_host_path", "jswarm never creates host paths for bind mounts",
                        "selinux", "SELinux relabelling is not supported"));
            } else {
                f.keys(opts, path + ".volume", Set.of(), Map.of("nocopy", "volumes are not pre-filled from the image",
                        "subpath", "volume subpaths are not supported"));
            }
        }
        if (type == null || target == null) {
            return null;
        }
        MountType mt = MountType.valueOf(type.toUpperCase(Locale.ROOT));
        if (mt == MountType.BIND) {
            if (source == null) {
                f.error(m, path, "a bind mount needs a source");
                return null;
            }
            source = resolve(f, ctx, m.get("source"), path + ".source", source);
            if (source == null) {
                return null;
            }
        } else if (mt == MountType.TMPFS && source != null) {
            f.error(m.get("source"), path + ".source", "a tmpfs mount has no source");
            return null;
        }
        return checkTarget(f, m.get("target"), path + ".target", new Mount(mt, source, target, readOnly, size));
    }

    /** {@code tmpfs: /run} or a list of paths (options after ':' are warned about and ignored). */
    static List<Located<Mount>> tmpfs(Fields f, YNode node, String path) {
        List<Located<Mount>> out = new ArrayList<>();
        boolean list = node instanceof YSeq;
        List<YNode> items = node instanceof YSeq s ? s.items() : List.of(node);
        for (int i = 0; i < items.size(); i++) {
            YNode at = items.get(i);
            String ip = list ? path + "[" + i + "]" : path;
            String p = at instanceof YScalar s && !s.isNull() ? s.value() : null;
            if (p == null) {
                f.error(at, ip, "expected a path such as /run, got " + Fields.quote(at));
                continue;
            }
            int colon = p.indexOf(':');
            if (colon >= 0) {
                f.diag.warn(at.pos(), ip, "tmpfs options \"" + p.substring(colon + 1) + "\" ignored");
                p = p.substring(0, colon);
            }
            Mount m = checkTarget(f, at, ip, new Mount(MountType.TMPFS, null, p, false, null));
            if (m != null) {
                out.add(new Located<>(m, ip));
            }
        }
        return out;
    }
}
