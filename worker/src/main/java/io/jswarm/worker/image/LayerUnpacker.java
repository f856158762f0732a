package io.jswarm.worker.image;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Unpacks one layer tar into a directory that overlayfs can use as a lower dir.
 *
 * <p>OCI whiteouts become overlay whiteouts: {@code dir/.wh.name} becomes a 0/0 character device
 * {@code dir/name}; {@code dir/.wh..wh..opq} sets {@code trusted.overlay.opaque=y} on {@code dir}.
 * Other {@code .wh..wh.*} entries are aufs bookkeeping and are skipped.
 *
 * <p>Invariant: nothing is written outside {@code target}: absolute names are made relative,
 * {@code ..} components are refused, and no entry is written through a symlink the layer created
 * (parents are checked to be real directories).
 */
final class LayerUnpacker {
    static final String WHITEOUT_PREFIX = ".wh.";
    static final String OPAQUE = ".wh..wh..opq";
    static final String OPAQUE_XATTR = "trusted.overlay.opaque";

    private final boolean root;

    LayerUnpacker(boolean root) {
        this.root = root;
    }

    /** Unpacks the whole tar stream {@code tar} into {@code target} (which exists and is empty). */
    void unpack(InputStream tar, Path target, String what) throws IOException {
        List<Map.Entry<Path, FileTime>> dirTimes = new ArrayList<>();
        TarArchiveInputStream in = new TarArchiveInputStream(tar, StandardCharsets.UTF_8.name());
        TarArchiveEntry e;
        while ((e = in.getNextEntry()) != null) {
            String name = clean(e.getName(), what);
            if (name.isEmpty()) {
                continue; // "./" itself
            }
            Path path = target.resolve(name);
            Path parent = path.getParent();
            ensureDirs(target, parent, what);
            String base = path.getFileName().toString();
            if (base.equals(OPAQUE)) {
                NativeFs.setXattr(parent, OPAQUE_XATTR, "y");
                continue;
            }
            if (base.startsWith(WHITEOUT_PREFIX + WHITEOUT_PREFIX)) {
                continue;
            }
            if (base.startsWith(WHITEOUT_PREFIX)) {
                Path hidden = parent.resolve(base.substring(WHITEOUT_PREFIX.length()));
                deleteRecursively(hidden);
                NativeFs.mknod(hidden, NativeFs.S_IFCHR, NativeFs.makedev(0, 0));
                continue;
            }
            if (!e.isDirectory()) {
                deleteRecursively(path); // a later entry replaces an earlier one of the same name
            }
            if (e.isDirectory()) {
                if (!Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                    deleteRecursively(path);
                    Files.createDirectory(path);
                }
                dirTimes.add(Map.entry(path, FileTime.from(e.getLastModifiedTime().toInstant())));
            } else if (e.isSymbolicLink()) {
                Files.createSymbolicLink(path, Paths.get(e.getLinkName()));
            } else if (e.isLink()) {
                Path source = target.resolve(clean(e.getLinkName(), what));
                refuseSymlinkedParents(target, source.getParent(), what); // else a link could reach a host file
                if (!Files.exists(source, LinkOption.NOFOLLOW_LINKS)) {
                    throw new InvalidImageException(what + ": hard link " + name + " points at missing " + e.getLinkName());
                }
                Files.createLink(path, source);
                continue; // shares the inode: owner and mode are the source's
            } else if (e.isCharacterDevice() || e.isBlockDevice()) {
                int type = e.isCharacterDevice() ? NativeFs.S_IFCHR : NativeFs.S_IFBLK;
                NativeFs.mknod(path, type | (e.getMode() & 07777), NativeFs.makedev(e.getDevMajor(), e.getDevMinor()));
            } else if (e.isFIFO()) {
                NativeFs.mknod(path, NativeFs.S_IFIFO | (e.getMode() & 07777), 0);
            } else if (e.isFile()) {
                Files.copy(in, path);
            } else {
                continue; // sockets and unknown types carry no content worth keeping
            }
            applyMetadata(e, path);
        }
        // Directory times last: creating their children changed them.
        for (int i = dirTimes.size() - 1; i >= 0; i--) {
            Files.setLastModifiedTime(dirTimes.get(i).getKey(), dirTimes.get(i).getValue());
        }
    }

    private void applyMetadata(TarArchiveEntry e, Path path) throws IOException {
        for (Map.Entry<String, String> x : e.getExtraPaxHeaders().entrySet()) {
            if (x.getKey().startsWith("SCHILY.xattr.")) {
                NativeFs.setXattr(path, x.getKey().substring("SCHILY.xattr.".length()),
                        x.getValue().getBytes(StandardCharsets.ISO_8859_1));
            }
        }
        if (root) {
            Files.setAttribute(path, "unix:uid", (int) e.getLongUserId(), LinkOption.NOFOLLOW_LINKS);
            Files.setAttribute(path, "unix:gid", (int) e.getLongGroupId(), LinkOption.NOFOLLOW_LINKS);
        }
        if (!e.isSymbolicLink()) {
            // chmod after chown: chown clears setuid/setgid bits.
            Files.setAttribute(path, "unix:mode", e.getMode() & 07777, LinkOption.NOFOLLOW_LINKS);
            if (!e.isDirectory()) {
                Files.setLastModifiedTime(path, FileTime.from(e.getLastModifiedTime().toInstant()));
            }
        }
    }

    /** The entry name relative to the layer root; refuses names that climb out of it. */
    static String clean(String name, String what) {
        String n = name;
        while (n.startsWith("/")) {
            n = n.substring(1);
        }
        List<String> parts = new ArrayList<>();
        for (String p : n.split("/")) {
            if (p.isEmpty() || p.equals(".")) {
                continue;
            }
            if (p.equals("..")) {
                throw new InvalidImageException(what + ": entry '" + name + "' climbs out of the layer with '..'");
            }
            parts.add(p);
        }
        return String.join("/", parts);
    }

    /** Creates missing parents (mode 0755) and refuses to go through a symlink or a non-directory. */
    static void ensureDirs(Path target, Path dir, String what) throws IOException {
        if (dir.equals(target)) {
            return;
        }
        ensureDirs(target, dir.getParent(), what);
        if (Files.isSymbolicLink(dir)) {
            throw new InvalidImageException(what + ": an entry would be written through the symlink " + target.relativize(dir));
        }
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectory(dir);
        } else if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw new InvalidImageException(what + ": " + target.relativize(dir) + " is a file but entries are stored under it");
        }
    }

    private static void refuseSymlinkedParents(Path target, Path dir, String what) {
        for (Path d = dir; d != null && !d.equals(target); d = d.getParent()) {
            if (Files.isSymbolicLink(d)) {
                throw new InvalidImageException(what + ": a hard link would be made through the symlink " + target.relativize(d));
            }
        }
    }

    static void deleteRecursively(Path p) throws IOException {
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            try (var s = Files.list(p)) {
                for (Path c : (Iterable<Path>) s::iterator) {
                    deleteRecursively(c);
                }
            }
        }
        Files.delete(p);
    }

    static void move(Path from, Path to) throws IOException {
        Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    }
}
