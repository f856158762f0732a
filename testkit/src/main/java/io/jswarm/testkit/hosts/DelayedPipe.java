package io.jswarm.testkit.hosts;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * One direction of a proxied connection: bytes read from {@code from} are written to {@code to} no
 * earlier than {@code delay} after they arrived, in order.
 *
 * <p>Bounded: at most {@link #QUEUE_CHUNKS} chunks of {@link #CHUNK} bytes wait in memory; when the
 * queue is full the reader blocks and TCP flow control pushes back on the sender, as a slow link
 * would. Uses the monotonic clock: the delay is added to real packets, so virtual time cannot apply.
 */
final class DelayedPipe {
    static final int CHUNK = 16 * 1024;
    static final int QUEUE_CHUNKS = 64;

    /** A chunk and the time it may be released; {@code data == null} marks end of stream. */
    private record Chunk(long releaseNanos, byte[] data) {}

    private final Socket from;
    private final Socket to;
    private final long delayNanos;
    private final Runnable onDone;
    private final BlockingQueue<Chunk> queue = new ArrayBlockingQueue<>(QUEUE_CHUNKS);

    DelayedPipe(Socket from, Socket to, long delayNanos, Runnable onDone) {
        this.from = from;
        this.to = to;
        this.delayNanos = delayNanos;
        this.onDone = onDone;
    }

    /**
     * When a chunk arriving at {@code arrival} may leave: {@code delay} later, but never before the
     * chunk ahead of it, so the stream keeps its order.
     */
    static long releaseAt(long arrivalNanos, long delayNanos, long previousReleaseNanos) {
        return Math.max(previousReleaseNanos, arrivalNanos + delayNanos);
    }

    void start(String name) {
        Thread reader = new Thread(this::read, name + "-read");
        Thread writer = new Thread(this::write, name + "-write");
        reader.setDaemon(true);
        writer.setDaemon(true);
        reader.start();
        writer.start();
    }

    private void read() {
        long previous = Long.MIN_VALUE;
        try {
            InputStream in = from.getInputStream();
            byte[] buf = new byte[CHUNK];
            while (true) {
                int n = in.read(buf);
                long release = releaseAt(System.nanoTime(), delayNanos, previous);
                previous = release;
                queue.put(new Chunk(release, n < 0 ? null : Arrays.copyOf(buf, n)));
                if (n < 0) {
                    return;
                }
            }
        } catch (IOException e) {
            abort();
            offerEnd();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abort();
        }
    }

    private void write() {
        try {
            OutputStream out = to.getOutputStream();
            while (true) {
                Chunk c = queue.take();
                long wait;
                while ((wait = c.releaseNanos() - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                if (c.data() == null) {
                    to.shutdownOutput(); // pass the half-close on, as TCP would
                    return;
                }
                out.write(c.data());
                out.flush();
            }
        } catch (IOException e) {
            abort();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abort();
        } finally {
            onDone.run();
        }
    }

    private void offerEnd() {
        queue.clear(); // the connection is gone; a pending release would only write to a closed socket
        queue.offer(new Chunk(System.nanoTime(), null));
    }

    /** A reset on either side resets the whole proxied connection. */
    private void abort() {
        closeQuietly(from);
        closeQuietly(to);
    }

    static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // closing is all we wanted
        }
    }
}
