package io.jswarm.worker.image;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import jnr.ffi.LibraryLoader;

/**
 * The two file-system calls Java lacks that overlay whiteouts need: {@code mknod} (a 0/0
 * character device marks a deleted file) and {@code lsetxattr} ({@code trusted.overlay.opaque=y}
 * marks a directory whose lower contents are hidden). Java's UserDefinedFileAttributeView only
 * reaches the {@code user.} namespace, so both go through libc with jnr-ffi.
 */
final class NativeFs {
    private NativeFs() {}

    public interface LibC {
        int mknod(String path, int mode, long dev);

        int lsetxattr(String path, String name, byte[] value, long size, int flags);

        int lgetxattr(String path, String name, byte[] value, long size);
    }

    static final int S_IFIFO = 0010000;
    static final int S_IFCHR = 0020000;
    static final int S_IFBLK = 0060000;

    private static final class Holder {
        static final LibC LIBC = LibraryLoader.create(LibC.class).load("c");
        static final jnr.ffi.Runtime RUNTIME = jnr.ffi.Runtime.getRuntime(LIBC);
    }

    /** glibc's makedev: the 64-bit dev_t encoding of major and minor numbers. */
    static long makedev(long major, long minor) {
        return ((major & 0xfffff000L) << 32) | ((major & 0xfffL) << 8) | ((minor & 0xffffff00L) << 12) | (minor & 0xffL);
    }

    static void mknod(Path path, int typeAndMode, long dev) throws IOException {
        if (Holder.LIBC.mknod(path.toString(), typeAndMode, dev) != 0) {
            throw error("mknod", path);
        }
    }

    static void setXattr(Path path, String name, String value) throws IOException {
        byte[] v = value.getBytes(StandardCharsets.UTF_8);
        if (Holder.LIBC.lsetxattr(path.toString(), name, v, v.length, 0) != 0) {
            throw error("setxattr " + name, path);
        }
    }

    static void setXattr(Path path, String name, byte[] value) throws IOException {
        if (Holder.LIBC.lsetxattr(path.toString(), name, value, value.length, 0) != 0) {
            throw error("setxattr " + name, path);
        }
    }

    /** The attribute's value, or null when it is not set. */
    static String getXattr(Path path, String name) {
        byte[] buf = new byte[256];
        int n = Holder.LIBC.lgetxattr(path.toString(), name, buf, buf.length);
        return n < 0 ? null : new String(buf, 0, n, StandardCharsets.UTF_8);
    }

    private static IOException error(String call, Path path) {
        int errno = Holder.RUNTIME.getLastError();
        String text = jnr.constants.platform.Errno.valueOf(errno).description();
        return new IOException(call + " " + path + ": " + text + " (errno " + errno + ")");
    }
}
