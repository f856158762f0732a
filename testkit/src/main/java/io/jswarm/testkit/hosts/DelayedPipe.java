package io.jswarm.testkit.hosts;

import java.io.IOException;
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

    private final Endpoint from;
    private final Endpoint to;
    private final long delayNanos;
    private final Runnable onDone;
    private final BlockingQueue<Chunk> queue = new ArrayBlockingQueue<>(QUEUE_CHUNKS);

    DelayedPipe(Endpoint from, Endpoint to, long delayNanos, Runnable onDone) {
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
            byte[] buf = new byte[CHUNK];
            while (true) {
                int n = from.read(buf);
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
                to.write(c.data());
            }
        } catch (IOException e) {
            abort();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abort();
        } finally {
            // A reader blocked on a full queue must not wait forever for a writer that has stopped:
            // make room; with both endpoints closed its next read fails and it ends.
            queue.clear();
            onDone.run();
        }
    }

    private void offerEnd() {
        queue.clear(); // the connection is gone; a pending release would only write to a closed socket
        queue.offer(new Chunk(System.nanoTime(), null));
    }

    /** A reset on either side resets the whole proxied connection. */
    private void abort() {
        from.close();
        to.close();
    }

    /**
     * Relays both directions between two endpoints with the given delays and closes both once both
     * directions have ended.
     */
    static void relay(Endpoint a, Endpoint b, long aToBNanos, long bToANanos, String name, Runnable onClosed) {
        java.util.concurrent.atomic.AtomicInteger running = new java.util.concurrent.atomic.AtomicInteger(2);
        Runnable done = () -> {
            if (running.decrementAndGet() == 0) {
                a.close();
                b.close();
                onClosed.run();
            }
        };
        new DelayedPipe(a, b, aToBNanos, done).start(name + "-up");
        new DelayedPipe(b, a, bToANanos, done).start(name + "-down");
    }
}
