package io.jswarm.worker.image;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The file system holding the image store ran out of space (ENOSPC). Java reports it only as an
 * IOException whose message is the C library's text, so {@link #mapped} recognises that text and
 * turns it into a message naming the directory to clean up.
 */
public final class DiskFullException extends IOException {
    private static final long serialVersionUID = 1L;

    public DiskFullException(Path where, Throwable cause) {
        super("no space left on the device holding " + where
                + ": free space there (e.g. remove unused images and run image gc) and try again (nothing was kept)", cause);
    }

    /** {@code e} itself, or a DiskFullException when it (or a cause) is ENOSPC. */
    public static IOException mapped(IOException e, Path where) {
        if (e instanceof DiskFullException) {
            return e;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null && m.toLowerCase(Locale.ROOT).contains("no space left on device")) {
                return new DiskFullException(where, e);
            }
        }
        return e;
    }
}
