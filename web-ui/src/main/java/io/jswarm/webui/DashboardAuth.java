package io.jswarm.webui;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Who may use the dashboard: whoever presents the admin token gets a session; a session is valid
 * while it is used and while the token it was opened with is still the current one (rotating
 * the token logs everybody out). No I/O here: the hash comes from a supplier (a file on a manager).
 */
public final class DashboardAuth {
    /** The session cookie: HttpOnly, SameSite=Strict, Secure over HTTPS (set by {@link Dashboard}). */
    public static final String COOKIE = "jswarm_session";
    /** The header carrying the session's CSRF token on every state-changing request. */
    public static final String CSRF_HEADER = "X-CSRF-Token";
    public static final Duration DEFAULT_IDLE = Duration.ofHours(8);

    private final Supplier<Optional<String>> tokenHash;
    private final Sessions sessions;

    public DashboardAuth(Supplier<Optional<String>> tokenHash, Clock clock, Duration idle) {
        this.tokenHash = tokenHash;
        this.sessions = new Sessions(clock, idle);
    }

    /** A new session if {@code token} is the admin token; empty otherwise (also when none exists). */
    public Optional<Session> login(String token) {
        Optional<String> hash = tokenHash.get();
        if (hash.isEmpty() || !AdminToken.matches(token, hash.get())) {
            return Optional.empty();
        }
        return Optional.of(sessions.create(hash.get()));
    }

    /** The session named by a cookie value, if it is live and its token was not rotated since. */
    public Optional<Session> session(String cookieValue) {
        Optional<Session> s = sessions.touch(cookieValue);
        if (s.isEmpty()) {
            return s;
        }
        Optional<String> current = tokenHash.get();
        if (current.isEmpty() || !current.get().equals(s.get().tokenHash())) {
            sessions.remove(s.get().id());
            return Optional.empty();
        }
        return s;
    }

    /** Whether {@code header} is this session's CSRF token (constant-time). */
    public static boolean csrfMatches(Session session, String header) {
        return header != null && MessageDigest.isEqual(session.csrfToken().getBytes(StandardCharsets.UTF_8),
                header.getBytes(StandardCharsets.UTF_8));
    }

    public void logout(Session session) {
        sessions.remove(session.id());
    }

    int sessionCount() {
        return sessions.size();
    }
}
