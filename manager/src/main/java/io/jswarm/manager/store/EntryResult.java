package io.jswarm.manager.store;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What applying one entry did: its log index and, per change in entry order, null when applied or
 * the conflict message when refused. Travels back to the proposer as the state machine's reply.
 */
public record EntryResult(long index, List<String> conflicts) {
    public EntryResult {
        conflicts = java.util.Collections.unmodifiableList(new ArrayList<>(conflicts));
    }

    public byte[] encode() {
        return io.jswarm.api.json.Json.write(this).getBytes(StandardCharsets.UTF_8);
    }

    public static EntryResult decode(byte[] bytes) {
        return io.jswarm.api.json.Json.read(bytes, EntryResult.class);
    }
}
