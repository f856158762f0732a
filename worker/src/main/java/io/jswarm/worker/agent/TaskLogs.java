package io.jswarm.worker.agent;

import io.jswarm.worker.runtime.ContainerRuntime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A task's logs as {@code service logs} fetches them: the container's {@code stdout.log} and
 * {@code stderr.log} plus their rotated copies ({@code .N} oldest … {@code .1}), each line stamped
 * by the shim, interleaved by time; tail, since, and follow.
 *
 * <p>Follow polls the files (cheap: one stat per stream per interval) and survives rotation: the
 * runtime rotates by copy-truncate, so when a file is found shorter than what was read, the rest
 * of what was read from is in {@code .1} at the same offsets. The stream ends when the container
 * is removed. Only complete lines are delivered; a partial line waits for its newline.
 */
public final class TaskLogs {
    private final ContainerRuntime runtime;

    public TaskLogs(ContainerRuntime runtime) {
        this.runtime = runtime;
    }

    /** The selected lines; throws {@link java.util.NoSuchElementException} when the task has no container here. */
    public List<LogLine> read(String taskId, LogQuery q) {
        return snapshot(taskId, q).lines();
    }

    private record Snapshot(List<LogLine> lines, long outOffset, long errOffset) {}

    private Snapshot snapshot(String taskId, LogQuery q) {
        requireContainer(taskId);
        StreamRead out = readStream(runtime.dirs(taskId).stdoutLog(), LogLine.Stream.STDOUT, q, q.stdout());
        StreamRead err = readStream(runtime.dirs(taskId).stderrLog(), LogLine.Stream.STDERR, q, q.stderr());
        return new Snapshot(LogMerge.select(LogMerge.merge(out.lines(), err.lines()), q), out.offset(), err.offset());
    }

    private void requireContainer(String taskId) {
        if (!Files.isDirectory(runtime.dirs(taskId).root())) {
            throw new java.util.NoSuchElementException("task " + taskId + " has no container on this node");
        }
    }

    /** A stream's selected lines and where its complete lines end in the live file (a follow continues there). */
    private record StreamRead(List<LogLine> lines, long offset) {}

    private StreamRead readStream(Path live, LogLine.Stream stream, LogQuery q, boolean wanted) {
        if (!wanted) {
            return new StreamRead(List.of(), LogTail.completeEnd(live));
        }
        if (q.tail() != null && q.since() == null) {
            // Only the last n lines of each stream can be in the merged last n: read them from the end.
            long end = LogTail.completeEnd(live);
            int n = q.tail();
            List<LogLine> lines = new ArrayList<>(LogTail.last(live, end, n, stream));
            for (int k = 1; k <= runtime.config().logMaxFiles() && lines.size() < n; k++) {
                lines.addAll(0, LogTail.last(rotated(live, k), Long.MAX_VALUE, n - lines.size(), stream));
            }
            return new StreamRead(lines, end);
        }
        // Rotated copies oldest first, then the live file.
        List<LogLine> lines = new ArrayList<>();
        for (int k = runtime.config().logMaxFiles(); k >= 1; k--) {
            readFrom(rotated(live, k), 0, stream, lines, true);
        }
        return new StreamRead(lines, readFrom(live, 0, stream, lines, false));
    }

    /**
     * Appends the complete lines of {@code file} from {@code offset}; with {@code toEnd} a final
     * unterminated line counts too (a rotated copy is never appended to). Returns the offset after
     * the last line taken.
     */
    private static long readFrom(Path file, long offset, LogLine.Stream stream, List<LogLine> into, boolean toEnd) {
        byte[] bytes;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size <= offset) {
                return offset;
            }
            ByteBuffer buf = ByteBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 8, size - offset));
            while (buf.hasRemaining() && ch.read(buf, offset + buf.position()) > 0) {
                // read until full or EOF
            }
            bytes = java.util.Arrays.copyOf(buf.array(), buf.position());
        } catch (NoSuchFileException e) {
            return offset;
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file + ": " + e.getMessage(), e);
        }
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                into.add(LogLine.parse(new String(bytes, start, i - start, StandardCharsets.UTF_8), stream));
                start = i + 1;
            }
        }
        if (toEnd && start < bytes.length) {
            into.add(LogLine.parse(new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8), stream));
            start = bytes.length;
        }
        return offset + start;
    }

    /** How far a follow has read a stream's live file, and that file's first bytes (to notice rotation). */
    private static final class Cursor {
        long offset;
        byte[] head;

        Cursor(Path live, long offset) {
            this.offset = offset;
            this.head = offset > 0 ? head(live, offset) : null;
        }
    }

    private static final int HEAD_BYTES = 64;

    private static Path rotated(Path live, int k) {
        return live.resolveSibling(live.getFileName() + "." + k);
    }

    /** The first bytes of a file (at most {@code limit}, which only covers complete lines); empty if it is gone. */
    private static byte[] head(Path file, long limit) {
        try (var in = Files.newInputStream(file)) {
            return in.readNBytes((int) Math.min(HEAD_BYTES, limit));
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private static boolean startsWith(Path file, byte[] head) {
        if (head == null || head.length == 0) {
            return true;
        }
        return java.util.Arrays.equals(head(file, head.length), head);
    }

    /** A running follow; close it to stop early. */
    public interface Follow extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Delivers the selected lines, then every new line as it is written, on {@code poller}'s
     * thread; calls {@code onEnd} once the container is removed (or the follow is closed).
     */
    public Follow follow(String taskId, LogQuery q, Consumer<LogLine> sink, Runnable onEnd, ScheduledExecutorService poller,
            Duration interval) {
        Snapshot s = snapshot(taskId, q);
        s.lines().forEach(sink);
        Follower f = new Follower(taskId, q, sink, onEnd, s.outOffset(), s.errOffset());
        f.future = poller.scheduleWithFixedDelay(f::poll, interval.toNanos(), interval.toNanos(), TimeUnit.NANOSECONDS);
        if (f.isEnded()) {
            f.future.cancel(false); // ended before its future was known
        }
        return f;
    }

    private final class Follower implements Follow {
        private final String taskId;
        private final LogQuery query;
        private final Consumer<LogLine> sink;
        private final Runnable onEnd;
        private final Cursor out;
        private final Cursor err;
        private boolean ended;
        volatile ScheduledFuture<?> future;

        Follower(String taskId, LogQuery query, Consumer<LogLine> sink, Runnable onEnd, long outOffset, long errOffset) {
            this.taskId = taskId;
            this.query = query;
            this.sink = sink;
            this.onEnd = onEnd;
            this.out = new Cursor(runtime.dirs(taskId).stdoutLog(), outOffset);
            this.err = new Cursor(runtime.dirs(taskId).stderrLog(), errOffset);
        }

        synchronized boolean isEnded() {
            return ended;
        }

        synchronized void poll() {
            if (ended) {
                return;
            }
            boolean removed = !Files.isDirectory(runtime.dirs(taskId).root());
            List<LogLine> outLines = new ArrayList<>();
            List<LogLine> errLines = new ArrayList<>();
            readNew(runtime.dirs(taskId).stdoutLog(), out, LogLine.Stream.STDOUT, outLines);
            readNew(runtime.dirs(taskId).stderrLog(), err, LogLine.Stream.STDERR, errLines);
            // since applies to the first batch only; tail too: later lines are all new.
            LogQuery streams = new LogQuery(null, null, query.stdout(), query.stderr());
            LogMerge.select(LogMerge.merge(outLines, errLines), streams).forEach(sink);
            if (removed) {
                close();
            }
        }

        /**
         * Reads what was appended to a stream since {@code cursor}. A copy-truncate rotation is
         * recognised by the file's first bytes no longer being the ones read before (each line
         * starts with a microsecond timestamp, so a new file starts differently) or the file being
         * shorter; the rest of the old file is then read from the rotated copy that starts with
         * those bytes, followed by any newer copies, then the live file from its start.
         */
        private void readNew(Path live, Cursor cursor, LogLine.Stream stream, List<LogLine> into) {
            if (!Files.exists(live)) {
                return; // gone with the container
            }
            if (cursor.offset > 0 && !startsWith(live, cursor.head)) {
                int maxFiles = runtime.config().logMaxFiles();
                int found = 0;
                for (int k = 1; k <= maxFiles && found == 0; k++) {
                    if (startsWith(rotated(live, k), cursor.head)) {
                        found = k;
                    }
                }
                if (found > 0) {
                    readFrom(rotated(live, found), cursor.offset, stream, into, true);
                    for (int k = found - 1; k >= 1; k--) {
                        readFrom(rotated(live, k), 0, stream, into, true);
                    }
                } // else rotated out of the kept copies between two polls: those lines are gone
                cursor.offset = 0;
                cursor.head = null;
            }
            cursor.offset = readFrom(live, cursor.offset, stream, into, false);
            if (cursor.head == null && cursor.offset > 0) {
                cursor.head = head(live, cursor.offset);
            }
        }

        @Override
        public synchronized void close() {
            if (ended) {
                return;
            }
            ended = true;
            if (future != null) {
                future.cancel(false);
            }
            onEnd.run();
        }
    }
}
