package io.jswarm.worker.image;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.function.LongConsumer;

/**
 * A blob being written, which a broken transfer can resume: the bytes hashed are exactly the
 * bytes written ({@link #written()}), so a retry asks its source for the rest from that offset
 * and carries on hashing. {@link #commit()} verifies size and digest and renames the file into the
 * store; {@link #close()} deletes whatever was not committed.
 */
final class PartialBlob implements AutoCloseable {
    private final BlobStore store;
    private final Path part;
    private final FileChannel channel;
    private final MessageDigest sha = Digest.newSha256();
    private final Digest expected;
    private final long size;
    private final String what;
    private long written;
    private boolean committed;

    PartialBlob(BlobStore store, Path part, Digest expected, long size, String what) throws IOException {
        this.store = store;
        this.part = part;
        this.expected = expected;
        this.size = size;
        this.what = what;
        this.channel = FileChannel.open(part, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }

    long written() {
        return written;
    }

    /** Appends {@code in} to its end. After a failure, the blob is consistent at {@link #written()}. */
    void append(InputStream in, LongConsumer progress) throws IOException {
        try {
            channel.truncate(written); // drop a chunk whose write failed half-way
            channel.position(written);
            byte[] buf = new byte[64 * 1024];
            int n;
            while ((n = in.read(buf)) >= 0) {
                if (size >= 0 && written + n > size) {
                    // A source sending more than announced is wrong already; do not let it fill the disk.
                    throw new DigestMismatchException(what + " (more than the expected " + size + " bytes)", expected, null);
                }
                ByteBuffer bb = ByteBuffer.wrap(buf, 0, n);
                while (bb.hasRemaining()) {
                    channel.write(bb);
                }
                sha.update(buf, 0, n);
                written += n;
                progress.accept(written);
            }
        } catch (IOException e) {
            throw DiskFullException.mapped(e, part.getParent());
        }
    }

    /** Verifies and stores the blob; returns its digest. */
    Digest commit() throws IOException {
        Digest actual = Digest.fromHash(cloneSha().digest());
        if (size >= 0 && written != size) {
            // The source ended cleanly short of the size: that is its content, and it is wrong. (A
            // broken transfer is an IOException from the stream instead, and is resumed.)
            throw new DigestMismatchException(what + " (" + written + " of " + size + " bytes)", expected, actual);
        }
        if (expected != null && !actual.equals(expected)) {
            throw new DigestMismatchException(what + " (" + written + " bytes)", expected, actual);
        }
        try {
            channel.force(true);
            channel.close();
            store.moveIntoPlace(part, store.path(actual));
        } catch (IOException e) {
            throw DiskFullException.mapped(e, part.getParent());
        }
        committed = true;
        return actual;
    }

    private MessageDigest cloneSha() {
        try {
            return (MessageDigest) sha.clone(); // digest() resets; keep the state intact for close()
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's SHA-256 is cloneable", e);
        }
    }

    @Override
    public void close() throws IOException {
        if (channel.isOpen()) {
            channel.close();
        }
        if (!committed) {
            Files.deleteIfExists(part);
        }
    }
}
