package io.jswarm.cli.daemon;

import io.jswarm.api.dispatch.TaskStatusReport;
import io.jswarm.manager.client.ApiClient;
import io.jswarm.manager.client.ApiResponse;
import io.jswarm.worker.agent.StatusReporter;
import io.jswarm.worker.agent.StatusUpdate;
import io.vertx.core.http.HttpMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's {@link StatusReporter} on a real node: batches go to {@code /v1/dispatcher/status} on
 * the leader over mutual TLS, one POST per batch. {@link #report} only queues (the agent calls it
 * on its loop thread, which must not wait for the network); a sender thread posts. What could not
 * be delivered stays queued and is sent again, and a newer status of a task always replaces an
 * older one that is still waiting, so the managers never receive a status older than one they
 * already have from this node.
 */
final class StatusSender implements StatusReporter, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StatusSender.class);
    private static final int MAX_PER_POST = 500;

    private final ApiClient client;
    private final String nodeId;
    private final ManagerTarget target;
    private final Map<String, StatusUpdate> pending = new LinkedHashMap<>();
    private final Thread thread;
    private boolean closed;

    StatusSender(ApiClient client, String nodeId, ManagerTarget target) {
        this.client = client;
        this.nodeId = nodeId;
        this.target = target;
        this.thread = new Thread(this::run, "jswarm-status");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    @Override
    public synchronized void report(List<StatusUpdate> batch) {
        batch.forEach(u -> pending.put(u.taskId(), u));
        notifyAll();
    }

    private synchronized List<StatusUpdate> next() throws InterruptedException {
        while (pending.isEmpty() && !closed) {
            wait();
        }
        return new ArrayList<>(pending.values()).subList(0, Math.min(pending.size(), MAX_PER_POST));
    }

    /** Drops what was delivered, unless a newer status of the task arrived meanwhile. */
    private synchronized void delivered(List<StatusUpdate> sent) {
        sent.forEach(u -> pending.remove(u.taskId(), u));
    }

    private void run() {
        int failures = 0;
        while (true) {
            List<StatusUpdate> batch;
            try {
                batch = next();
            } catch (InterruptedException e) {
                return;
            }
            if (batch.isEmpty()) {
                return; // closed and drained
            }
            String to = target.current();
            try {
                if (to == null) {
                    throw new IllegalStateException("no manager known yet");
                }
                List<TaskStatusReport.Update> updates = batch.stream()
                        .map(u -> new TaskStatusReport.Update(u.taskId(), u.status())).toList();
                ApiResponse r = client.callAndWait(to, HttpMethod.POST, "/v1/dispatcher/status", new TaskStatusReport(nodeId, updates));
                if (!r.ok()) {
                    throw new IllegalStateException(r.error());
                }
                delivered(batch);
                target.succeeded(to);
                failures = 0;
            } catch (RuntimeException e) {
                failures++;
                if (failures % 5 == 1) {
                    LOG.info("status report of {} task(s) to {}: {} (will retry)", batch.size(), to, e.getMessage());
                }
                target.failed(to);
                synchronized (this) {
                    if (closed) {
                        return;
                    }
                    try {
                        wait(Math.min(2000, 100L << Math.min(failures, 5))); // backoff before retrying
                    } catch (InterruptedException ie) {
                        return;
                    }
                }
            }
        }
    }

    /** Stops sending; whatever is still queued after {@code grace} is dropped (the next session's full set covers it). */
    public void close(Duration grace) {
        synchronized (this) {
            closed = true;
            notifyAll();
        }
        try {
            thread.join(grace.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread.interrupt();
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(5));
    }
}
