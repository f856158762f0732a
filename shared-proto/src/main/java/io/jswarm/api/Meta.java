package io.jswarm.api;

import java.time.Instant;

/**
 * Bookkeeping every stored object carries. {@code version} is the Raft index of the object's last
 * write: an update that names an older version is a conflict, never a silent overwrite.
 */
public record Meta(long version, Instant createdAt, Instant updatedAt) {

    public static Meta created(long version, Instant at) {
        return new Meta(version, at, at);
    }

    public Meta updated(long newVersion, Instant at) {
        return new Meta(newVersion, createdAt, at);
    }
}
