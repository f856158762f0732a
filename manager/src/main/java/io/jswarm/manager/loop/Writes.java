package io.jswarm.manager.loop;

import io.jswarm.manager.store.ClusterStore;
import io.jswarm.manager.store.WriteTx;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * Commits a loop's independent updates and waits for them. At most {@link #WINDOW} are in flight
 * at once: fewer than the store's group-commit limit, so each update travels as its own log entry
 * and no entry grows past what Raft accepts (a loop's update carries at most {@link #CHUNK} rows),
 * while the pipeline still hides most of the commit latency.
 */
public final class Writes {
    /** Rows per update (≈ 0.5 MB of tasks): well under Raft's segment size (8 MB). */
    public static final int CHUNK = 500;
    static final int WINDOW = 4;

    private Writes() {}

    /**
     * @return element i is null when update i committed, else why it did not (a conflict: someone
     *     changed a row meanwhile; the event of that change makes the loop look again)
     */
    public static List<Throwable> commit(ClusterStore store, List<Consumer<WriteTx>> updates) {
        if (updates.isEmpty()) {
            return List.of();
        }
        List<Throwable> all = new java.util.ArrayList<>(updates.size());
        for (int i = 0; i < updates.size(); i += WINDOW) {
            try {
                all.addAll(store.batch(updates.subList(i, Math.min(updates.size(), i + WINDOW))).join());
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        return all;
    }
}
