package io.jswarm.cli.daemon;

import java.util.List;
import java.util.function.Supplier;

/**
 * Which manager a worker's dispatcher calls go to. The heartbeat session already follows the
 * leader (followers answer with its address), so its last target is tried first; after a failure
 * the next known manager is tried, so a worker finds a new leader even before the heartbeats do.
 * Thread-safe: the assignment poller and the status sender share one.
 */
final class ManagerTarget {
    private final Supplier<List<String>> managers;
    private final Supplier<String> leaderHint;
    private String current;
    private String failedHint;

    ManagerTarget(Supplier<List<String>> managers, Supplier<String> leaderHint) {
        this.managers = managers;
        this.leaderHint = leaderHint;
    }

    synchronized String current() {
        String hint = leaderHint.get();
        if (hint != null && !hint.equals(failedHint)) {
            current = hint;
        }
        if (current == null) {
            List<String> all = managers.get();
            current = all.isEmpty() ? null : all.get(0);
        }
        return current;
    }

    /** {@code addr} failed or is not the leader: move on (the hint is ignored until it changes). */
    synchronized void failed(String addr) {
        if (addr == null || !addr.equals(current)) {
            return;
        }
        failedHint = addr;
        List<String> all = managers.get();
        if (all.isEmpty()) {
            return;
        }
        int i = all.indexOf(addr);
        current = all.get((i + 1) % all.size());
    }

    /** A call to {@code addr} succeeded. */
    synchronized void succeeded(String addr) {
        if (addr != null && addr.equals(failedHint)) {
            failedHint = null;
        }
    }
}
