package io.jswarm.manager.store;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One row change as it travels in the log. {@code expectedVersion} is the version the writer read:
 * 0 for a create (the row must not exist), the row's {@code Meta.version} for an update or a
 * delete, or {@link #ANY_VERSION} for an unconditional delete. {@code value} is the row as JSON
 * (absent for a delete); its meta is replaced when the entry is applied.
 */
public record Mutation(String kind, Op op, String id, long expectedVersion, JsonNode value) {
    public static final long ANY_VERSION = -1;
}
