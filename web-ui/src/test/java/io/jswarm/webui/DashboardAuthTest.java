package io.jswarm.webui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DashboardAuthTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

    @Test
    void onlyTheHashIsKeptAndOnlyTheTokenMatchesIt() {
        String token = AdminToken.generate();
        String hash = AdminToken.hash(token);
        assertTrue(token.startsWith(AdminToken.PREFIX));
        assertTrue(token.length() > 40, "256 random bits");
        assertFalse(hash.contains(token.substring(AdminToken.PREFIX.length())));
        assertTrue(AdminToken.matches(token, hash));
        assertFalse(AdminToken.matches(token + "x", hash));
        assertFalse(AdminToken.matches("", hash));
        assertFalse(AdminToken.matches(null, hash));
        assertFalse(AdminToken.matches(token, null));
        assertNotEquals(token, AdminToken.generate());
    }

    @Test
    void loginOpensASessionThatEndsWhenIdleOrLoggedOut() {
        String token = AdminToken.generate();
        DashboardAuth auth = new DashboardAuth(() -> Optional.of(AdminToken.hash(token)), clock, Duration.ofMinutes(30));
        assertTrue(auth.login("wrong").isEmpty());
        Session s = auth.login(token).orElseThrow();
        assertNotEquals(s.id(), s.csrfToken());
        clock.advance(Duration.ofMinutes(29));
        assertTrue(auth.session(s.id()).isPresent(), "used within the idle time");
        clock.advance(Duration.ofMinutes(29));
        assertTrue(auth.session(s.id()).isPresent(), "each use restarts the idle timer");
        clock.advance(Duration.ofMinutes(30));
        assertTrue(auth.session(s.id()).isEmpty(), "idle for 30 minutes");

        Session t = auth.login(token).orElseThrow();
        auth.logout(t);
        assertTrue(auth.session(t.id()).isEmpty());
        assertTrue(auth.session(null).isEmpty());
        assertTrue(auth.session("made-up").isEmpty());
    }

    @Test
    void rotatingTheTokenEndsEverySessionOfTheOldOne() {
        AtomicReference<String> hash = new AtomicReference<>(AdminToken.hash("SWMDASH-old"));
        DashboardAuth auth = new DashboardAuth(() -> Optional.ofNullable(hash.get()), clock, DashboardAuth.DEFAULT_IDLE);
        Session s = auth.login("SWMDASH-old").orElseThrow();
        hash.set(AdminToken.hash("SWMDASH-new"));
        assertTrue(auth.session(s.id()).isEmpty());
        assertTrue(auth.login("SWMDASH-old").isEmpty());
        assertTrue(auth.login("SWMDASH-new").isPresent());
        assertEquals(1, auth.sessionCount());
    }

    @Test
    void withoutATokenNobodyLogsIn() {
        DashboardAuth auth = new DashboardAuth(Optional::empty, clock, DashboardAuth.DEFAULT_IDLE);
        assertTrue(auth.login("").isEmpty());
        assertTrue(auth.login(AdminToken.PREFIX).isEmpty());
    }

    @Test
    void csrfTokenMustMatchExactly() {
        Session s = new Session("id", "csrf-abc", "h", clock.instant());
        assertTrue(DashboardAuth.csrfMatches(s, "csrf-abc"));
        assertFalse(DashboardAuth.csrfMatches(s, "csrf-ab"));
        assertFalse(DashboardAuth.csrfMatches(s, null));
        assertFalse(DashboardAuth.csrfMatches(s, ""));
    }

    @Test
    void tokenFileKeepsOnlyTheHashReadableByItsOwner(@TempDir Path dir) throws IOException {
        AdminTokenFile file = new AdminTokenFile(dir.resolve("dashboard-token"));
        assertTrue(file.hash().isEmpty());
        String first = file.rotate();
        assertEquals(Optional.of(AdminToken.hash(first)), file.hash());
        String text = Files.readString(dir.resolve("dashboard-token"));
        assertFalse(text.contains(first.substring(AdminToken.PREFIX.length())), "the token itself is not stored");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("dashboard-token"))));
        String second = file.rotate();
        assertNotEquals(first, second);
        assertTrue(AdminToken.matches(second, file.hash().orElseThrow()));
        assertFalse(AdminToken.matches(first, file.hash().orElseThrow()));
    }
}
