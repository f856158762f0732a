package io.jswarm.worker.agent;

import java.util.ArrayList;
import java.util.List;

/** Pure: the two streams of a container interleaved by time, then since and tail applied. */
final class LogMerge {
    private LogMerge() {}

    /**
     * Each input is in the order it was written (so in time order); the merge keeps that order
     * within a stream and puts stdout first on equal times. Unstamped lines sort with the earliest.
     */
    static List<LogLine> merge(List<LogLine> out, List<LogLine> err) {
        List<LogLine> all = new ArrayList<>(out.size() + err.size());
        int i = 0;
        int j = 0;
        while (i < out.size() || j < err.size()) {
            if (j >= err.size() || i < out.size() && !after(out.get(i), err.get(j))) {
                all.add(out.get(i++));
            } else {
                all.add(err.get(j++));
            }
        }
        return all;
    }

    private static boolean after(LogLine a, LogLine b) {
        if (a.time() == null) {
            return false;
        }
        return b.time() == null || a.time().isAfter(b.time());
    }

    static List<LogLine> select(List<LogLine> merged, LogQuery q) {
        List<LogLine> wanted = merged.stream().filter(q::wants).toList();
        if (q.tail() != null && wanted.size() > q.tail()) {
            return wanted.subList(wanted.size() - q.tail(), wanted.size());
        }
        return wanted;
    }
}
