package io.jswarm.manager.dispatcher;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which nodes to mark DOWN: pure, so the rules are tested with made-up times. A node is DOWN once
 * it missed {@link #MISSED_PERIODS} heartbeat periods. A new leader has no heartbeat history, so
 * it counts every node as seen when it took over and allows twice the grace before judging:
 * a leader failover marks nobody down.
 */
public final class NodeLiveness {
    public static final int MISSED_PERIODS = 3;
    public static final int FAILOVER_GRACE_FACTOR = 2;

    private NodeLiveness() {}

    public static Duration grace(Duration period) {
        return period.multipliedBy(MISSED_PERIODS);
    }

    /**
     * @param ready     ids of the nodes the store shows READY
     * @param lastSeen  last heartbeat this leader received per node (absent: none since it took over)
     * @param leaderSince when this manager became leader
     * @return the ids among {@code ready} to mark DOWN at {@code now}, sorted
     */
    public static List<String> expired(Set<String> ready, Map<String, Instant> lastSeen, Instant leaderSince,
                                       Instant now, Duration period) {
        Duration grace = grace(period);
        Instant failoverDeadline = leaderSince.plus(grace.multipliedBy(FAILOVER_GRACE_FACTOR));
        List<String> down = new ArrayList<>();
        for (String id : ready) {
            Instant seen = lastSeen.get(id);
            // Heartbeats seen by this leader count from when it saw them; before the first one,
            // the node gets the longer failover grace (it may be busy finding the new leader).
            Instant deadline = seen != null ? seen.plus(grace) : failoverDeadline;
            boolean expired = now.isAfter(deadline);
            if (expired) {
                down.add(id);
            }
        }
        down.sort(null);
        return down;
    }
}
