package io.jswarm.manager.dispatcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jswarm.api.dispatch.AssignmentsMessage;
import io.jswarm.api.dispatch.AssignmentsRequest;
import io.jswarm.api.dispatch.TaskStatusReport;
import io.jswarm.api.task.ContainerSpec;
import io.jswarm.api.task.Task;
import io.jswarm.api.task.TaskSpec;
import io.jswarm.api.task.TaskState;
import io.jswarm.api.task.TaskStatus;
import io.jswarm.manager.api.Caller;
import io.jswarm.manager.client.ApiClient;
import io.jswarm.manager.client.ApiResponse;
import io.jswarm.manager.store.ClusterStore;
import io.jswarm.manager.store.Kind;
import io.jswarm.testkit.FakeClock;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A worker session over HTTP: full set, increments, batched status, leadership checks. */
class DispatchApiTest {
    @TempDir
    Path dir;

    private final FakeClock clock = new FakeClock();
    private final ClusterStore store = ClusterStore.inMemory(clock);
    private final AtomicBoolean leading = new AtomicBoolean(true);
    private Vertx vertx;
    private HttpServer server;
    private ApiClient client;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        Router r = Router.router(vertx);
        r.route().handler(BodyHandler.create());
        r.route().handler(ctx -> {
            ctx.put(Caller.KEY, Caller.localAdmin());
            ctx.next();
        });
        new DispatchApi(vertx, store, leading::get).mount(r);
        Path socket = dir.resolve("d.sock");
        server = vertx.createHttpServer().requestHandler(r).listen(SocketAddress.domainSocketAddress(socket.toString())).await();
        client = ApiClient.unixSocket(vertx, socket, Duration.ofSeconds(10));
    }

    @AfterEach
    void stop() {
        client.close();
        server.close().await();
        vertx.close().await();
    }

    private void putTask(String id, String node, TaskState state) {
        store.update(tx -> {
            tx.create(Kind.TASKS, new Task(id, null, "svc", 1, node, TaskSpec.of(ContainerSpec.of("busybox")), 1,
                    TaskState.RUNNING, TaskStatus.of(state, clock.instant(), "x")));
            return null;
        }).join();
    }

    private AssignmentsMessage poll(String session, long seq) {
        ApiResponse r = client.call(HttpMethod.POST, "/v1/dispatcher/assignments", new AssignmentsRequest("n1", session, seq)).await();
        assertEquals(200, r.status(), r.body());
        return r.as(AssignmentsMessage.class);
    }

    @Test
    void fullSetThenIncrementsThenStatus() {
        putTask("a", "n1", TaskState.ASSIGNED);
        putTask("b", "n2", TaskState.ASSIGNED);
        putTask("c", "n1", TaskState.PENDING);
        AssignmentsMessage first = poll(null, 0);
        assertTrue(first.full());
        assertEquals(List.of("a"), first.tasks().stream().map(Task::id).toList(), "only tasks assigned to n1");

        ApiResponse report = client.call(HttpMethod.POST, "/v1/dispatcher/status", new TaskStatusReport("n1", List.of(
                new TaskStatusReport.Update("a", TaskStatus.of(TaskState.RUNNING, clock.instant(), "started"))))).await();
        assertEquals(200, report.status(), report.body());
        assertEquals(TaskState.RUNNING, store.view(tx -> tx.get(Kind.TASKS, "a")).orElseThrow().status().state());

        store.update(tx -> {
            Task a = tx.get(Kind.TASKS, "a").orElseThrow();
            tx.update(Kind.TASKS, a.withDesiredState(TaskState.SHUTDOWN));
            return null;
        }).join();
        AssignmentsMessage next = poll(first.sessionId(), first.sequence());
        assertFalse(next.full());
        assertEquals(first.sequence() + 1, next.sequence());
        assertEquals(TaskState.SHUTDOWN, next.tasks().get(0).desiredState(), "the echo of its own RUNNING report is not sent");
    }

    @Test
    void badReportsNameTheFieldAndFollowersRefuse() {
        ApiResponse bad = client.call(HttpMethod.POST, "/v1/dispatcher/status", new TaskStatusReport("n1", List.of(
                new TaskStatusReport.Update("a", TaskStatus.of(TaskState.ASSIGNED, clock.instant(), "")))) ).await();
        assertEquals(400, bad.status(), bad.body());
        assertTrue(bad.body().contains("updates[0].status.state"), bad.body());
        leading.set(false);
        ApiResponse follower = client.call(HttpMethod.POST, "/v1/dispatcher/assignments", new AssignmentsRequest("n1", null, 0)).await();
        assertEquals(421, follower.status());
    }
}
