package io.jswarm.manager.loop;

import io.jswarm.manager.store.ClusterStore;
import io.jswarm.manager.store.WriteTx;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/** Commits a loop's independent updates together (they share log entries) and waits for them. */
public final class Writes {
    private Writes() {}

    /**
     * @return element i is null when update i committed, else why it did not (a conflict: someone
     *     changed a row meanwhile; the event of that change makes the loop look again)
     */
    public static List<Throwable> commit(ClusterStore store, List<Consumer<WriteTx>> updates) {
        if (updates.isEmpty()) {
            return List.of();
        }
        try {
            return store.batch(updates).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }
}
