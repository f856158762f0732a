package io.jswarm.compose.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SuggestTest {
    private static final List<String> KEYS = List.of("image", "environment", "replicas", "restart", "ports", "volumes");

    @Test
    void closeTyposGetASuggestion() {
        assertEquals(Optional.of("image"), Suggest.closest("imgae", KEYS), "a swap counts as one edit");
        assertEquals(Optional.of("environment"), Suggest.closest("enviroment", KEYS));
        assertEquals(Optional.of("replicas"), Suggest.closest("replica", KEYS));
        assertEquals(Optional.of("ports"), Suggest.closest("Ports", KEYS));
    }

    @Test
    void farWordsGetNone() {
        assertEquals(Optional.empty(), Suggest.closest("frobnicate", KEYS));
        assertEquals(Optional.empty(), Suggest.closest("x", KEYS));
    }

    @Test
    void distance() {
        assertEquals(0, Suggest.distance("a", "a"));
        assertEquals(1, Suggest.distance("ab", "ba"));
        assertEquals(3, Suggest.distance("", "abc"));
    }
}
