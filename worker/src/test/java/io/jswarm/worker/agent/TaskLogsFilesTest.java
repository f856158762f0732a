package io.jswarm.worker.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jswarm.testkit.Await;
import io.jswarm.worker.runtime.ContainerDirs;
import io.jswarm.worker.runtime.ContainerRuntime;
import io.jswarm.worker.runtime.LogRotator;
import io.jswarm.worker.runtime.RuntimeConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TaskLogs over log files written by the test (as the shim writes them), rotation included. No root. */
class TaskLogsFilesTest {
    @TempDir
    Path dir;
    final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor();
    int n;

    @AfterEach
    void stop() {
        poller.shutdownNow();
    }

    ContainerRuntime runtime() {
        RuntimeConfig c = RuntimeConfig.of(dir, "n1", Clock.systemUTC());
        return new ContainerRuntime(new RuntimeConfig(c.dataDir(), c.cgroupParent(), c.initBinary(), 1024, 3, c.clock()), null, null, null);
    }

    void write(Path file, String... texts) throws IOException {
        StringBuilder b = new StringBuilder();
        for (String t : texts) {
            b.append(Instant.parse("2026-01-01T00:00:00Z").plusMillis(n++)).append(' ').append(t).append('\n');
        }
        Files.writeString(file, b, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    @Test
    void readsRotatedFilesInOrderAndFollowsAcrossACopyTruncate() throws Exception {
        ContainerRuntime runtime = runtime();
        ContainerDirs d = runtime.dirs("c1");
        Files.createDirectories(d.logs());
        Path out = d.stdoutLog();
        write(out, "l1", "l2", "l3");
        LogRotator.rotateIfLarger(out, 10, 3); // → stdout.log.1
        write(out, "l4");
        TaskLogs logs = new TaskLogs(runtime);
        assertEquals(List.of("l1", "l2", "l3", "l4"), texts(logs.read("c1", LogQuery.all())));
        assertEquals(List.of("l2", "l3", "l4"), texts(logs.read("c1", LogQuery.all().withTail(3))), "tail reaches into stdout.log.1");
        assertEquals(List.of("l1", "l2", "l3", "l4"), texts(logs.read("c1", LogQuery.all().withTail(10))));

        List<LogLine> seen = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch ended = new CountDownLatch(1);
        try (TaskLogs.Follow f = logs.follow("c1", LogQuery.all().withTail(1), seen::add, ended::countDown, poller, Duration.ofMillis(20))) {
            Files.writeString(out, "2026-01-01T00:00:00.100Z part", StandardOpenOption.APPEND); // a line half written
            pollOnce();
            Files.writeString(out, "ial\n", StandardOpenOption.APPEND);
            write(out, "l5", "l6");
            // whether or not a poll saw l5/l6 before the rotation, each line must arrive once
            LogRotator.rotateIfLarger(out, 10, 3);
            write(out, "l7");
            Await.until("l7 followed", Duration.ofSeconds(10), () -> texts(List.copyOf(seen)), l -> l.contains("l7"));
            assertEquals(List.of("l4", "partial", "l5", "l6", "l7"), texts(List.copyOf(seen)), "each line once, in order");
            ContainerRuntimeTrees.delete(d.root());
            Await.until("the follow ends with the container", Duration.ofSeconds(10), () -> ended.getCount() == 0);
        }
    }

    /** Waits until the poller has polled at least once more: its single thread runs a poll due in 20 ms before this task due in 50. */
    private void pollOnce() throws Exception {
        java.util.concurrent.ScheduledFuture<?> f = poller.schedule(() -> { }, 50, java.util.concurrent.TimeUnit.MILLISECONDS);
        f.get();
    }

    @Test
    void aRotationThatLeavesTheFileAsLongAsBeforeIsStillNoticed() throws Exception {
        ContainerRuntime runtime = runtime();
        ContainerDirs d = runtime.dirs("c2");
        Files.createDirectories(d.logs());
        write(d.stdoutLog(), "a1");
        TaskLogs logs = new TaskLogs(runtime);
        List<LogLine> seen = Collections.synchronizedList(new ArrayList<>());
        try (TaskLogs.Follow f = logs.follow("c2", LogQuery.all(), seen::add, () -> { }, poller, Duration.ofMillis(20))) {
            write(d.stdoutLog(), "a2");
            LogRotator.rotateIfLarger(d.stdoutLog(), 10, 3);
            write(d.stdoutLog(), "a3"); // same length as the file the follow had read
            Await.until("a3 followed", Duration.ofSeconds(10), () -> texts(List.copyOf(seen)), l -> l.contains("a3"));
            assertEquals(List.of("a1", "a2", "a3"), texts(List.copyOf(seen)));
        }
    }

    @Test
    void tailReadsFromTheEndAcrossChunksAndSkipsAHalfWrittenLine() throws Exception {
        ContainerRuntime runtime = runtime();
        ContainerDirs d = runtime.dirs("c3");
        Files.createDirectories(d.logs());
        String[] many = IntStream.range(0, 5000).mapToObj(i -> "line-" + i + "-" + "x".repeat(i % 50)).toArray(String[]::new);
        write(d.stdoutLog(), many); // ≈ 300 KiB: several chunks
        write(d.stderrLog(), "e1");
        Files.writeString(d.stdoutLog(), "2026-01-02T00:00:00Z half", StandardOpenOption.APPEND);
        TaskLogs logs = new TaskLogs(runtime);
        List<LogLine> all = logs.read("c3", LogQuery.all());
        assertEquals(5001, all.size(), "the half line is not a line yet");
        for (int n : new int[] {0, 1, 3, 300, 4000, 5001, 6000}) {
            List<LogLine> tail = logs.read("c3", LogQuery.all().withTail(n));
            assertEquals(all.subList(Math.max(0, all.size() - n), all.size()), tail, "tail " + n);
        }
        assertEquals(List.of("e1"), texts(logs.read("c3", new LogQuery(5, null, false, true))));
    }

    @Test
    void aTaskWithoutAContainerIsAClearError() {
        var e = assertThrows(java.util.NoSuchElementException.class, () -> new TaskLogs(runtime()).read("nope", LogQuery.all()));
        assertEquals("task nope has no container on this node", e.getMessage());
    }

    static List<String> texts(List<LogLine> lines) {
        return lines.stream().map(LogLine::text).toList();
    }

    static final class ContainerRuntimeTrees {
        static void delete(Path p) throws IOException {
            try (var s = Files.walk(p)) {
                for (Path q : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(q);
                }
            }
        }
    }
}
