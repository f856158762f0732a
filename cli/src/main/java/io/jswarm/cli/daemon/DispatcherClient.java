package io.jswarm.cli.daemon;

import io.jswarm.api.dispatch.AssignmentsMessage;
import io.jswarm.api.dispatch.AssignmentsRequest;
import io.jswarm.manager.client.ApiClient;
import io.jswarm.manager.client.ApiResponse;
import io.jswarm.manager.dispatcher.WorkerPortsApi;
import io.jswarm.worker.agent.AssignmentChange;
import io.jswarm.worker.agent.Assignments;
import io.vertx.core.http.HttpMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker side of the dispatcher session: long-polls {@code /v1/dispatcher/assignments} on the
 * leader over the cluster's mutual TLS and feeds the agent — the full set first, then increments.
 *
 * <p>Invariant: the agent never misses an increment. Any doubt (an error, a timeout that may have
 * eaten an answer, a new session id, a sequence gap, a leader change) drops the session, and the
 * next answer is a full set the agent reconciles to. One thread; it only blocks on the network.
 */
final class DispatcherClient implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DispatcherClient.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(2);

    private final ApiClient client;
    private final String nodeId;
    private final ManagerTarget target;
    private final Assignments agent;
    private final ServicePorts ports;
    private final Thread thread;
    private volatile boolean closed;
    private String sessionId;
    private long sequence;
    private int failures;

    DispatcherClient(ApiClient client, String nodeId, ManagerTarget target, Assignments agent, ServicePorts ports) {
        this.client = client;
        this.nodeId = nodeId;
        this.target = target;
        this.agent = agent;
        this.ports = ports;
        this.thread = new Thread(this::run, "jswarm-assignments");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void run() {
        while (!closed) {
            String to = target.current();
            try {
                if (to == null) {
                    throw new IllegalStateException("no manager known yet");
                }
                poll(to);
                target.succeeded(to);
                failures = 0;
            } catch (RuntimeException e) {
                if (closed) {
                    return;
                }
                sessionId = null;
                failures++;
                if (failures % 5 == 1) {
                    LOG.info("assignments from {}: {} (retrying)", to, e.getMessage());
                }
                target.failed(to);
                pause(backoff());
            }
        }
    }

    private void poll(String to) {
        ApiResponse r = client.callAndWait(to, HttpMethod.POST, "/v1/dispatcher/assignments",
                new AssignmentsRequest(nodeId, sessionId, sequence));
        if (!r.ok()) {
            throw new IllegalStateException(r.error());
        }
        AssignmentsMessage m = r.as(AssignmentsMessage.class);
        if (m.full()) {
            fetchPorts(to, m);
            sessionId = m.sessionId();
            sequence = m.sequence();
            agent.full(m.tasks());
            return;
        }
        if (!m.sessionId().equals(sessionId) || (m.sequence() != sequence && m.sequence() != sequence + 1)) {
            throw new IllegalStateException("session " + m.sessionId() + " at " + m.sequence() + " does not continue "
                    + sessionId + " at " + sequence);
        }
        if (m.isEmpty()) {
            return;
        }
        fetchPorts(to, m);
        sequence = m.sequence();
        List<AssignmentChange> changes = new ArrayList<>();
        m.tasks().forEach(t -> changes.add(AssignmentChange.updated(t)));
        m.removed().forEach(id -> changes.add(AssignmentChange.removed(id)));
        agent.changed(changes);
    }

    private void fetchPorts(String to, AssignmentsMessage m) {
        List<String> missing = ports.missing(m.tasks());
        if (missing.isEmpty()) {
            return;
        }
        ApiResponse r = client.callAndWait(to, HttpMethod.POST, "/v1/dispatcher/ports", new WorkerPortsApi.Request(nodeId, missing));
        if (!r.ok()) {
            throw new IllegalStateException("published ports: " + r.error());
        }
        ports.put(m.tasks(), r.as(WorkerPortsApi.Answer.class).ports());
    }

    private Duration backoff() {
        long capMs = Math.min(MAX_BACKOFF.toMillis(), 50L << Math.min(failures, 6));
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(capMs / 2, capMs + 1));
    }

    private void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis()); // backoff between attempts, not a wait for a condition
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(30).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
