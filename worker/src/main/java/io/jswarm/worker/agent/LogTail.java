package io.jswarm.worker.agent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The last lines of a log file, read from its end: {@code --tail 10} of a 10 MiB log reads a few
 * KiB, not the file. A final segment without a newline counts as a line (callers pass {@code end}
 * at a line boundary for a file still being written).
 */
final class LogTail {
    private static final int FIRST_CHUNK = 16 * 1024;

    private LogTail() {}

    static List<LogLine> last(Path file, long end, int n, LogLine.Stream stream) {
        if (n <= 0) {
            return List.of();
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long stop = Math.min(end, ch.size());
            long chunk = FIRST_CHUNK;
            while (true) {
                long start = Math.max(0, stop - chunk);
                List<String> lines = split(read(ch, start, stop), start > 0);
                if (lines.size() >= n || start == 0) {
                    List<LogLine> out = new ArrayList<>();
                    for (String l : lines.subList(Math.max(0, lines.size() - n), lines.size())) {
                        out.add(LogLine.parse(l, stream));
                    }
                    return out;
                }
                chunk *= 4;
            }
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file + ": " + e.getMessage(), e);
        }
    }

    /** The offset just after the last newline of {@code file} (0 if none, or no file): where complete lines end. */
    static long completeEnd(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long stop = ch.size();
            while (stop > 0) {
                long start = Math.max(0, stop - FIRST_CHUNK);
                byte[] b = read(ch, start, stop);
                for (int i = b.length - 1; i >= 0; i--) {
                    if (b[i] == '\n') {
                        return start + i + 1;
                    }
                }
                stop = start;
            }
            return 0;
        } catch (NoSuchFileException e) {
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file + ": " + e.getMessage(), e);
        }
    }

    private static byte[] read(FileChannel ch, long start, long stop) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate((int) (stop - start));
        while (buf.hasRemaining() && ch.read(buf, start + buf.position()) > 0) {
            // until full or EOF (a truncated file)
        }
        return java.util.Arrays.copyOf(buf.array(), buf.position());
    }

    /** Lines of {@code b}; with {@code dropFirst} the first segment may be the end of an earlier line. */
    static List<String> split(byte[] b, boolean dropFirst) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        boolean first = true;
        for (int i = 0; i < b.length; i++) {
            if (b[i] == '\n') {
                if (!(first && dropFirst)) {
                    lines.add(new String(b, start, i - start, StandardCharsets.UTF_8));
                }
                first = false;
                start = i + 1;
            }
        }
        if (start < b.length && !(first && dropFirst)) {
            lines.add(new String(b, start, b.length - start, StandardCharsets.UTF_8));
        }
        return lines;
    }
}
