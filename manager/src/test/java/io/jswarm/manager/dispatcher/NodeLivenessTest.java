package io.jswarm.manager.dispatcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NodeLivenessTest {
    private static final Duration PERIOD = Duration.ofSeconds(2);
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void aNodeIsDownOnlyAfterThreeMissedPeriods() {
        Instant leaderSince = T0.minusSeconds(3600);
        Map<String, Instant> seen = Map.of("a", T0, "b", T0.minusSeconds(5));
        assertEquals(List.of(), NodeLiveness.expired(Set.of("a", "b"), seen, leaderSince, T0.plusMillis(500), PERIOD));
        assertEquals(List.of("b"), NodeLiveness.expired(Set.of("a", "b"), seen, leaderSince, T0.plusMillis(1001), PERIOD));
        assertEquals(List.of("a", "b"), NodeLiveness.expired(Set.of("a", "b"), seen, leaderSince, T0.plusMillis(6001), PERIOD));
    }

    @Test
    void aNewLeaderGivesUnheardNodesTwiceTheGrace() {
        // Just became leader: no heartbeats seen yet. 6 s (one grace) is not enough, 12 s is.
        assertEquals(List.of(), NodeLiveness.expired(Set.of("a"), Map.of(), T0, T0.plusSeconds(11), PERIOD));
        assertEquals(List.of("a"), NodeLiveness.expired(Set.of("a"), Map.of(), T0, T0.plusMillis(12_001), PERIOD));
    }

    @Test
    void onlyReadyNodesAreJudged() {
        assertEquals(List.of(), NodeLiveness.expired(Set.of(), Map.of("gone", T0), T0, T0.plusSeconds(60), PERIOD));
    }
}
