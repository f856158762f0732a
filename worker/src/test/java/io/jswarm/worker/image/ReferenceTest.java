package io.jswarm.worker.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ReferenceTest {
    private static final String HEX = "a".repeat(64);

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "busybox, docker.io/library/busybox:latest",
            "busybox:1.36, docker.io/library/busybox:1.36",
            "library/busybox, docker.io/library/busybox:latest",
            "team/app:1.4, docker.io/team/app:1.4",
            "docker.io/busybox, docker.io/library/busybox:latest",
            "index.docker.io/team/app, docker.io/team/app:latest",
            "registry.example.com/team/app:1.4, registry.example.com/team/app:1.4",
            "127.0.0.1:5000/app, 127.0.0.1:5000/app:latest",
            "localhost/app:v2, localhost/app:v2",
            "localhost:5000/a/b/c:v2, localhost:5000/a/b/c:v2",
            "Host/app, Host/app:latest",
            "ghcr.io/o/my_app-x.y__z:T_1.0-rc, ghcr.io/o/my_app-x.y__z:T_1.0-rc",
            "[::1]:5000/app, [::1]:5000/app:latest",
    })
    void normalisesLikeDocker(String input, String expected) {
        assertEquals(expected, Reference.parse(input).toString());
    }

    @Test
    void digestPinsContentAndGetsNoDefaultTag() {
        Reference r = Reference.parse("busybox@sha256:" + HEX);
        assertEquals("docker.io/library/busybox@sha256:" + HEX, r.toString());
        assertNull(r.tag());
        assertEquals("sha256:" + HEX, r.manifestReference());
        Reference both = Reference.parse("127.0.0.1:5000/app:1@sha256:" + HEX);
        assertEquals("1", both.tag());
        assertEquals("sha256:" + HEX, both.manifestReference(), "the digest wins over the tag");
    }

    @Test
    void partsAndFamiliarForm() {
        Reference r = Reference.parse("127.0.0.1:5000/team/app:1.4");
        assertEquals("127.0.0.1:5000", r.domain());
        assertEquals("team/app", r.path());
        assertEquals("1.4", r.tag());
        assertEquals("127.0.0.1:5000/team/app", r.repository());
        assertEquals("busybox:latest", Reference.parse("busybox").familiar());
        assertEquals("team/app:latest", Reference.parse("team/app").familiar());
    }

    @ParameterizedTest(name = "{0} rejected for {1}")
    @CsvSource(delimiter = '|', value = {
            "''|empty",
            "Busybox|must be lowercase",
            "team/App|must be lowercase",
            "busybox:|tag ''",
            "busybox:-x|tag '-x'",
            "busybox:a/b|",
            "a//b|empty path component",
            "a/|empty path component",
            "busy--box_|path component 'busy--box_'",
            "busybox@sha256:abc|bad digest",
            "busybox@md5:" + "0123456789abcdef0123456789abcdef|unsupported digest algorithm",
            "bad_host.com:x/app|registry 'bad_host.com:x'",
            "' busybox'|whitespace",
    })
    void rejectsWithAMessageNamingThePart(String input, String expectedFragment) {
        InvalidReferenceException e = assertThrows(InvalidReferenceException.class, () -> Reference.parse(input));
        if (expectedFragment != null) {
            assertTrue(e.getMessage().contains(expectedFragment), e.getMessage());
        }
    }

    @Test
    void rejectsImageIdsAndOverlongNames() {
        assertTrue(assertThrows(InvalidReferenceException.class, () -> Reference.parse(HEX))
                .getMessage().contains("image ID"));
        assertTrue(assertThrows(InvalidReferenceException.class, () -> Reference.parse("a/" + "b".repeat(260)))
                .getMessage().contains("longer than 255"));
    }

    @Test
    void tagOf128IsAllowed129IsNot() {
        assertEquals("t".repeat(128), Reference.parse("app:" + "t".repeat(128)).tag());
        assertThrows(InvalidReferenceException.class, () -> Reference.parse("app:" + "t".repeat(129)));
    }
}
