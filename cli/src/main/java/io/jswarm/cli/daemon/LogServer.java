package io.jswarm.cli.daemon;

import io.jswarm.manager.api.LogsApi;
import io.jswarm.manager.client.ApiClient;
import io.jswarm.manager.client.ApiResponse;
import io.jswarm.worker.agent.LogLine;
import io.jswarm.worker.agent.LogQuery;
import io.jswarm.worker.agent.TaskLogs;
import io.jswarm.worker.runtime.ContainerRuntime;
import io.vertx.core.http.HttpMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker's side of {@code service logs}: one thread per manager this node knows long-polls
 * that manager for log requests ({@link LogsApi}) and answers each from {@link TaskLogs} (the
 * containers' stamped log files, rotated ones included). A task whose container is not (or no
 * longer) on this node contributes nothing. Answers are bounded by {@link #MAX_LINES}.
 */
final class LogServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LogServer.class);
    static final int MAX_LINES = 10_000;

    private final ApiClient client;
    private final String nodeId;
    private final ContainerRuntime runtime;
    private final TaskLogs logs;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean closed;

    LogServer(ApiClient client, String nodeId, ContainerRuntime runtime, List<String> managers) {
        this.client = client;
        this.nodeId = nodeId;
        this.runtime = runtime;
        this.logs = new TaskLogs(runtime);
        for (String m : managers) {
            Thread t = new Thread(() -> serve(m), "jswarm-logs-" + m);
            t.setDaemon(true);
            threads.add(t);
        }
    }

    void start() {
        threads.forEach(Thread::start);
    }

    private void serve(String manager) {
        int failures = 0;
        while (!closed) {
            try {
                ApiResponse r = client.callAndWait(manager, HttpMethod.POST, "/v1/dispatcher/logs/poll", new LogsApi.PollRequest(nodeId));
                if (!r.ok()) {
                    throw new IllegalStateException(r.error());
                }
                for (LogsApi.LogRequest req : r.as(LogsApi.PollAnswer.class).requests()) {
                    answer(manager, req);
                }
                failures = 0;
            } catch (RuntimeException e) {
                if (closed) {
                    return;
                }
                if (failures++ % 10 == 0) {
                    LOG.debug("log requests from {}: {}", manager, e.getMessage());
                }
                try {
                    Thread.sleep(Math.min(2000, 100L << Math.min(failures, 5))); // backoff between attempts
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    private void answer(String manager, LogsApi.LogRequest req) {
        List<LogsApi.Line> lines = new ArrayList<>();
        String error = null;
        LogQuery q = new LogQuery(req.tail(), req.since(), true, true);
        for (String taskId : req.taskIds()) {
            if (runtime.load(taskId).isEmpty()) {
                continue;
            }
            try {
                for (LogLine l : logs.read(taskId, q)) {
                    lines.add(new LogsApi.Line(taskId, l.stream().name().toLowerCase(), l.time(), l.text()));
                }
            } catch (RuntimeException e) {
                error = "task " + taskId + ": " + e.getMessage();
            }
        }
        if (lines.size() > MAX_LINES) {
            lines.sort(java.util.Comparator.comparing(LogsApi.Line::time, java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder())));
            lines = new ArrayList<>(lines.subList(lines.size() - MAX_LINES, lines.size()));
        }
        client.callAndWait(manager, HttpMethod.POST, "/v1/dispatcher/logs/push", new LogsApi.Push(nodeId, req.requestId(), lines, error));
    }

    @Override
    public void close() {
        closed = true;
        threads.forEach(Thread::interrupt);
    }
}
