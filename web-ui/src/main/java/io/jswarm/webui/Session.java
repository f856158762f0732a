package io.jswarm.webui;

import java.time.Instant;

/**
 * A logged-in browser. {@code tokenHash} is the admin token hash it logged in with: when the token
 * is rotated the session no longer matches and ends. {@code csrfToken} must accompany every
 * state-changing request of this session.
 */
public record Session(String id, String csrfToken, String tokenHash, Instant lastSeen) {
    Session seenAt(Instant now) {
        return new Session(id, csrfToken, tokenHash, now);
    }
}
