package io.jswarm.worker.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuthChallengeTest {
    @Test
    void parsesDockerHubStyleBearerWithCommasInsideQuotes() {
        List<AuthChallenge> c = AuthChallenge.parse("Bearer realm=\"https://auth.docker.io/token\",service=\"registry.docker.io\","
                + "scope=\"repository:library/busybox:pull,push\"");
        assertEquals(1, c.size());
        assertEquals("bearer", c.get(0).scheme());
        assertEquals(Map.of("realm", "https://auth.docker.io/token", "service", "registry.docker.io",
                "scope", "repository:library/busybox:pull,push"), c.get(0).params());
    }

    @Test
    void parsesBasicUnquotedAndSeveralChallenges() {
        List<AuthChallenge> c = AuthChallenge.parse("Basic realm=\"Registry Realm\", Bearer realm=x, error=\"insufficient_scope\"");
        assertEquals(2, c.size());
        assertEquals("basic", c.get(0).scheme());
        assertEquals("Registry Realm", c.get(0).param("realm"));
        assertEquals("x", c.get(1).param("realm"));
        assertEquals("insufficient_scope", c.get(1).param("error"));
    }

    @Test
    void emptyOrNullGivesNothing() {
        assertTrue(AuthChallenge.parse(null).isEmpty());
        assertTrue(AuthChallenge.parse("").isEmpty());
    }
}
