package io.jswarm.cli.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jswarm.api.service.PortConfig;
import io.jswarm.api.service.Protocol;
import io.jswarm.api.service.PublishMode;
import io.jswarm.api.task.ContainerSpec;
import io.jswarm.api.task.Task;
import io.jswarm.api.task.TaskSpec;
import io.jswarm.api.task.TaskState;
import io.jswarm.api.task.TaskStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The pure parts of the assembled daemon: port cache decisions, manager targeting, derived names. */
class DaemonPartsTest {
    static Task task(String id, String service, long serviceVersion, TaskState desired) {
        return new Task(id, null, service, 1, "n1", TaskSpec.of(ContainerSpec.of("busybox", "true")), serviceVersion, desired,
                TaskStatus.of(TaskState.ASSIGNED, Instant.EPOCH, "assigned"));
    }

    static final PortConfig WEB = new PortConfig(null, Protocol.TCP, 80, 8080, PublishMode.HOST);

    @Test
    void portsAreFetchedOncePerServiceVersionAndNeverForTasksBeingStopped() {
        ServicePorts ports = new ServicePorts();
        Task a = task("a", "web", 5, TaskState.RUNNING);
        Task b = task("b", "web", 5, TaskState.RUNNING);
        Task gone = task("c", "old", 1, TaskState.SHUTDOWN);
        assertEquals(List.of("web"), ports.missing(List.of(a, b, gone)));
        ports.put(List.of(a, b), Map.of("web", List.of(WEB)));
        assertEquals(List.of(), ports.missing(List.of(a, b)));
        assertEquals(List.of(WEB), ports.of(a));
        assertEquals(List.of(), ports.of(gone), "unknown service: nothing published");
        Task updated = task("d", "web", 9, TaskState.RUNNING);
        assertEquals(List.of("web"), ports.missing(List.of(updated)), "a newer service version re-reads the ports");
    }

    @Test
    void targetFollowsTheLeaderHintAndMovesOnAfterAFailure() {
        List<String> managers = new ArrayList<>(List.of("m1:2377", "m2:2377", "m3:2377"));
        AtomicReference<String> hint = new AtomicReference<>();
        ManagerTarget t = new ManagerTarget(() -> managers, hint::get);
        assertEquals("m1:2377", t.current());
        hint.set("m2:2377");
        assertEquals("m2:2377", t.current());
        t.failed("m2:2377");
        assertEquals("m3:2377", t.current(), "a failed hint is not retried until it changes");
        hint.set("m1:2377");
        assertEquals("m1:2377", t.current());
        t.failed("m3:2377"); // a stale failure report about another manager changes nothing
        assertEquals("m1:2377", t.current());
    }

    @Test
    void nodeNamesDeriveFromTheNodeIdUnlessGiven() {
        WorkerOptions d = WorkerOptions.defaults();
        assertEquals("jsw-abcdefgh", d.bridgeFor("abcdefghijklmnop"));
        assertEquals(24, d.subnetFor("abcdefghijklmnop").prefix());
        assertEquals(d.subnetFor("x1").toString(), d.subnetFor("x1").toString(), "stable for a node");
        assertNotEquals(d.subnetFor("node-a").toString(), d.subnetFor("node-b").toString());
        WorkerOptions given = new WorkerOptions(true, "br9", "10.9.9.0/24", List.of());
        assertEquals("br9", given.bridgeFor("abc"));
        assertEquals("10.9.9.0/24", given.subnetFor("abc").toString());
        assertThrows(IllegalArgumentException.class, () -> new WorkerOptions(true, null, "10.9.9.0/99", List.of()));
    }
}
