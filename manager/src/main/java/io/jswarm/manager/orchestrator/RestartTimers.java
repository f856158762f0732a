package io.jswarm.manager.orchestrator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The restart supervisor's memory: when each service must be looked at again because a restart
 * delay ends. Only the instant is kept — the decision itself is recomputed by the reconciler from
 * the tasks (RestartMaths), so a new leader rebuilds this map from its full pass.
 */
final class RestartTimers {
    private final Map<String, Instant> due = new HashMap<>();

    /** Sets (or clears, with null) when {@code serviceId} is next due. */
    void set(String serviceId, Instant when) {
        if (when == null) {
            due.remove(serviceId);
        } else {
            due.put(serviceId, when);
        }
    }

    /** Removes and returns the services whose time has come. */
    List<String> takeDue(Instant now) {
        List<String> ready = new ArrayList<>();
        due.entrySet().removeIf(e -> {
            if (!now.isBefore(e.getValue())) {
                ready.add(e.getKey());
                return true;
            }
            return false;
        });
        return ready;
    }

    void clear() {
        due.clear();
    }
}
