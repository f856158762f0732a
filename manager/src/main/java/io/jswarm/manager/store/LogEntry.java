package io.jswarm.manager.store;

import io.jswarm.api.Copies;
import io.jswarm.api.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * A store entry in the replicated log. {@code type} and {@code formatVersion} let a manager refuse
 * (rather than misread) an entry written by a newer one. {@code at} is chosen once, by the
 * proposer, so that every replica stamps the same {@code updatedAt}.
 */
public record LogEntry(String type, int formatVersion, Instant at, List<Change> changes) {
    public static final String CHANGES = "store.changes";
    public static final int FORMAT_VERSION = 1;

    public LogEntry {
        changes = Copies.list(changes);
    }

    public static LogEntry changes(Instant at, List<Change> changes) {
        return new LogEntry(CHANGES, FORMAT_VERSION, at, changes);
    }

    public byte[] encode() {
        return Json.write(this).getBytes(StandardCharsets.UTF_8);
    }

    /** Decodes and checks that this manager understands the entry. */
    public static LogEntry decode(byte[] bytes) {
        LogEntry entry = Json.read(bytes, LogEntry.class);
        if (!CHANGES.equals(entry.type())) {
            throw new UnsupportedEntryException("unknown log entry type \"" + entry.type() + "\"");
        }
        if (entry.formatVersion() > FORMAT_VERSION) {
            throw new UnsupportedEntryException("log entry format " + entry.formatVersion()
                    + " is newer than this manager understands (" + FORMAT_VERSION + "); upgrade this manager");
        }
        return entry;
    }
}
