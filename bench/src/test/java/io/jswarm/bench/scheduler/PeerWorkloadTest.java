package io.jswarm.bench.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jswarm.scheduler.placement.PlacementRequest;
import io.jswarm.scheduler.placement.PlacementResult;
import io.jswarm.scheduler.placement.Placer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The workload is the one BENCHMARKS.md describes, and its check both passes and catches errors. */
class PeerWorkloadTest {

    @Test
    void workloadHasTheDocumentedShape() {
        PlacementRequest r = PeerWorkload.request(PeerWorkload.Variant.ZONES);
        assertEquals(1_000, r.nodes().size());
        assertEquals(100, r.services().size());
        assertEquals(30_000, r.toPlace().size());
        assertEquals(Map.of("zone", "z4"), r.nodes().get(999).spec().labels());
        assertEquals(java.util.List.of("node.labels.zone==z3"), r.services().get("svc-003").spec().task().placement().constraints());
    }

    @Test
    void placementPassesTheChecksForBothVariants() {
        for (PeerWorkload.Variant v : PeerWorkload.Variant.values()) {
            PlacementResult result = new Placer().place(PeerWorkload.request(v));
            assertEquals(java.util.List.of(), PeerWorkload.check(v, result), v.name());
        }
    }

    @Test
    void theNaiveBaselinePlacesCorrectlyToo() {
        PeerWorkload.Variant v = PeerWorkload.Variant.ZONES;
        assertEquals(java.util.List.of(), PeerWorkload.check(v, new NaivePlacer().place(PeerWorkload.request(v))));
    }

    @Test
    void theCheckCatchesABrokenPlacement() {
        PlacementResult good = new Placer().place(PeerWorkload.request(PeerWorkload.Variant.NONE));
        Map<String, String> moved = new LinkedHashMap<>(good.assignments());
        moved.put("svc-000.1", moved.get("svc-000.2")); // two of svc-000 on one node, one node short
        var problems = PeerWorkload.check(PeerWorkload.Variant.NONE, new PlacementResult(moved, Map.of()));
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("spread broken")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("expected 30")), problems.toString());
        var zones = PeerWorkload.check(PeerWorkload.Variant.ZONES, good);
        assertTrue(zones.stream().anyMatch(p -> p.startsWith("constraint broken")), zones.toString());
    }
}
