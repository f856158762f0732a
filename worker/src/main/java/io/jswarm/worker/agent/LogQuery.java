package io.jswarm.worker.agent;

import java.time.Instant;

/**
 * Which lines of a task's logs: the last {@code tail} (null: all) of those written at or after
 * {@code since} (null: from the start), of the selected streams (docker logs' --tail, --since).
 */
public record LogQuery(Integer tail, Instant since, boolean stdout, boolean stderr) {
    public LogQuery {
        if (tail != null && tail < 0) {
            throw new IllegalArgumentException("tail must be >= 0, got " + tail);
        }
        if (!stdout && !stderr) {
            throw new IllegalArgumentException("select at least one of stdout and stderr");
        }
    }

    public static LogQuery all() {
        return new LogQuery(null, null, true, true);
    }

    public LogQuery withTail(int n) {
        return new LogQuery(n, since, stdout, stderr);
    }

    public LogQuery withSince(Instant t) {
        return new LogQuery(tail, t, stdout, stderr);
    }

    boolean wants(LogLine l) {
        return (l.stream() == LogLine.Stream.STDOUT ? stdout : stderr)
                && (since == null || l.time() != null && !l.time().isBefore(since));
    }
}
