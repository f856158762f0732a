package io.jswarm.manager.ca;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;

/**
 * When to renew a node certificate: once half of its lifetime has passed (the back-dating of
 * the start is not counted), leaving the other half for retries if managers are unreachable.
 */
public final class Renewal {
    private Renewal() {}

    public static boolean due(Instant notBefore, Instant notAfter, Instant now) {
        Instant start = notBefore.plus(RootCa.BACKDATE);
        Duration lifetime = Duration.between(start, notAfter);
        return !now.isBefore(start.plus(lifetime.dividedBy(2)));
    }

    public static boolean due(X509Certificate cert, Instant now) {
        return due(cert.getNotBefore().toInstant(), cert.getNotAfter().toInstant(), now);
    }
}
