package io.jswarm.api.validate;

import java.time.Duration;

/** Small field checks shared by the validators. */
final class Checks {
    private Checks() {}

    static void port(Problems at, String field, int port) {
        if (port < 1 || port > 65535) {
            at.add(field, "must be between 1 and 65535, got " + port);
        }
    }

    static void nonNegative(Problems at, String field, Duration d) {
        if (d != null && d.isNegative()) {
            at.add(field, "must not be negative, got " + io.jswarm.api.units.Durations.format(d));
        }
    }

    static void positive(Problems at, String field, Duration d) {
        if (d != null && (d.isNegative() || d.isZero())) {
            at.add(field, "must be > 0, got " + io.jswarm.api.units.Durations.format(d));
        }
    }

    static void positive(Problems at, String field, Long n) {
        if (n != null && n <= 0) {
            at.add(field, "must be > 0, got " + n);
        }
    }
}
