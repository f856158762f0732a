package io.jswarm.compose.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DependencyGraphTest {

    @Test
    void orderIsTopologicalWithNameTieBreaks() {
        var g = new DependencyGraph(Map.of("web", Set.of("api", "cache"), "api", Set.of("db"), "cache", Set.of(),
                "db", Set.of(), "worker", Set.of("db")));
        assertEquals(List.of("cache", "db", "api", "web", "worker"), g.startOrder());
        assertTrue(g.cycle().isEmpty());
    }

    @Test
    void cyclesAreFoundAsAPath() {
        var g = new DependencyGraph(Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"), "d", Set.of("a")));
        assertEquals(Optional.of(List.of("a", "b", "c", "a")), g.cycle());
    }

    @Test
    void unknownTargetsAreIgnoredHere() {
        assertEquals(List.of("a"), new DependencyGraph(Map.of("a", Set.of("ghost"))).startOrder());
    }
}
