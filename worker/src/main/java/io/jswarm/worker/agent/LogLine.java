package io.jswarm.worker.agent;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * One line a container wrote. {@code time} is when the shim stamped it; null for a line without
 * a stamp (a log written before stamping existed), which {@code since} never selects.
 */
public record LogLine(Instant time, Stream stream, String text) {
    public enum Stream { STDOUT, STDERR }

    /** Parses a line as the shim stores it: {@code <RFC 3339 time> <text>} (no newline). Pure. */
    public static LogLine parse(String stored, Stream stream) {
        int space = stored.indexOf(' ');
        if (space > 0) {
            try {
                return new LogLine(Instant.parse(stored.substring(0, space)), stream, stored.substring(space + 1));
            } catch (DateTimeParseException e) {
                // not stamped: the whole line is text
            }
        }
        return new LogLine(null, stream, stored);
    }

    /** As {@code service logs} prints it, with or without the time (docker's --timestamps). */
    public String format(boolean timestamps) {
        return timestamps && time != null ? time + " " + text : text;
    }
}
