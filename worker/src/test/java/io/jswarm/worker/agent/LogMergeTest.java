package io.jswarm.worker.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogMergeTest {
    static LogLine out(String stored) {
        return LogLine.parse(stored, LogLine.Stream.STDOUT);
    }

    static LogLine err(String stored) {
        return LogLine.parse(stored, LogLine.Stream.STDERR);
    }

    @Test
    void parsesTheShimsStampAndKeepsUnstampedLinesWhole() {
        LogLine l = out("2026-01-01T10:00:00.123456Z hello world");
        assertEquals(Instant.parse("2026-01-01T10:00:00.123456Z"), l.time());
        assertEquals("hello world", l.text());
        LogLine raw = out("hello world");
        assertNull(raw.time());
        assertEquals("hello world", raw.text());
        assertEquals("", out("2026-01-01T10:00:00.000001Z ").text());
    }

    @Test
    void interleavesStreamsByTimeThenAppliesSinceAndTail() {
        List<LogLine> o = List.of(out("2026-01-01T10:00:01Z a"), out("2026-01-01T10:00:03Z c"), out("2026-01-01T10:00:05Z e"));
        List<LogLine> e = List.of(err("2026-01-01T10:00:02Z b"), err("2026-01-01T10:00:04Z d"));
        List<LogLine> merged = LogMerge.merge(o, e);
        assertEquals(List.of("a", "b", "c", "d", "e"), merged.stream().map(LogLine::text).toList());
        LogQuery q = LogQuery.all().withSince(Instant.parse("2026-01-01T10:00:02Z")).withTail(2);
        assertEquals(List.of("d", "e"), LogMerge.select(merged, q).stream().map(LogLine::text).toList());
        assertEquals(List.of("b", "d"), LogMerge.select(merged, new LogQuery(null, null, false, true)).stream().map(LogLine::text).toList());
        assertEquals(List.of(), LogMerge.select(merged, LogQuery.all().withTail(0)));
    }

    @Test
    void unstampedLinesAreNeverSelectedBySince() {
        List<LogLine> merged = LogMerge.merge(List.of(out("old line"), out("2026-01-01T10:00:01Z new")), List.of());
        assertEquals(List.of("old line", "new"), merged.stream().map(LogLine::text).toList());
        assertEquals(List.of("new"), LogMerge.select(merged, LogQuery.all().withSince(Instant.EPOCH)).stream().map(LogLine::text).toList());
    }
}
