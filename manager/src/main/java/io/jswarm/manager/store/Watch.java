package io.jswarm.manager.store;

import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A stream of committed events matching a filter, in commit order. The queue is bounded: a watcher
 * that falls {@link #CAPACITY} events behind is closed with {@link #overflowed()} set rather than
 * slowing every write, and must re-read the store (a full pass) before watching again.
 */
public final class Watch implements AutoCloseable {
    public static final int CAPACITY = 100_000;

    private final Predicate<Event> filter;
    private final LinkedBlockingQueue<Event> queue = new LinkedBlockingQueue<>(CAPACITY);
    private final Consumer<Watch> onClose;
    private volatile boolean closed;
    private volatile boolean overflowed;

    Watch(Predicate<Event> filter, Consumer<Watch> onClose) {
        this.filter = filter;
        this.onClose = onClose;
    }

    /** Called by the store with its write lock held; must never block. */
    void offer(Event event) {
        if (closed || !filter.test(event)) {
            return;
        }
        if (!queue.offer(event)) {
            overflowed = true;
            close();
        }
    }

    /** The next event, or null if none arrived within {@code timeout} or the watch is closed and drained. */
    public Event poll(Duration timeout) throws InterruptedException {
        Event e = queue.poll();
        if (e != null || closed) {
            return e;
        }
        return queue.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    public boolean overflowed() {
        return overflowed;
    }

    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            onClose.accept(this);
        }
    }
}
