package io.jswarm.manager.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** Every table at one log index, as written to a snapshot file or a backup. */
public record StoreSnapshot(int formatVersion, long index, Map<String, List<JsonNode>> tables) {
    public static final int FORMAT_VERSION = 1;
}
