package io.jswarm.webui;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sessions of one dashboard, in memory: a restarted manager asks for a new login, which is
 * fine for an admin console. A session ends after {@code idle} without a request. Ids and CSRF
 * tokens are 256 random bits each.
 */
final class Sessions {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Map<String, Session> byId = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration idle;

    Sessions(Clock clock, Duration idle) {
        this.clock = clock;
        this.idle = idle;
    }

    Session create(String tokenHash) {
        expire();
        Session s = new Session(random(), random(), tokenHash, clock.instant());
        byId.put(s.id(), s);
        return s;
    }

    /** The live session with this id, its idle timer restarted; empty if unknown or expired. */
    Optional<Session> touch(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Session s = byId.computeIfPresent(id, (k, old) -> expired(old, now) ? null : old.seenAt(now));
        return Optional.ofNullable(s);
    }

    void remove(String id) {
        if (id != null) {
            byId.remove(id);
        }
    }

    int size() {
        return byId.size();
    }

    private void expire() {
        Instant now = clock.instant();
        byId.values().removeIf(s -> expired(s, now));
    }

    private boolean expired(Session s, Instant now) {
        return !s.lastSeen().plus(idle).isAfter(now);
    }

    private static String random() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
