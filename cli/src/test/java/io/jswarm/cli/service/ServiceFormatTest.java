package io.jswarm.cli.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jswarm.api.Meta;
import io.jswarm.api.service.ServiceMode;
import io.jswarm.api.task.ContainerSpec;
import io.jswarm.api.task.Task;
import io.jswarm.api.task.TaskSpec;
import io.jswarm.api.task.TaskState;
import io.jswarm.api.task.TaskStatus;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ServiceFormatTest {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    static Task task(int slot, String node, TaskStatus status) {
        return new Task("abcdefghijklmnopqrstuvwxy", Meta.created(1, T0), "s", slot, node,
                TaskSpec.of(ContainerSpec.of("busybox")), 1, TaskState.RUNNING, status);
    }

    @Test
    void cells() {
        assertEquals("abcdefghijkl", ServiceFormat.shortId("abcdefghijklmnopqrstuvwxy"));
        assertEquals("2/3", ServiceFormat.replicas(new ServiceMode.Replicated(3), 2, 3));
        assertEquals("web.4", ServiceFormat.taskName("web", task(4, "n1", TaskStatus.of(TaskState.RUNNING, T0, ""))));
        assertEquals("agent.node-1", ServiceFormat.taskName("agent", task(0, "node-1", TaskStatus.of(TaskState.RUNNING, T0, ""))));
        assertEquals("Running 3 minutes ago", ServiceFormat.currentState(task(1, "n", TaskStatus.of(TaskState.RUNNING, T0, "")),
                T0.plus(Duration.ofMinutes(3))));
    }

    @Test
    void theErrorColumnShowsFailuresAndWhyATaskWaits() {
        Task failed = task(1, "n", new TaskStatus(TaskState.FAILED, T0, "x", "task: non-zero exit (137)", null, null));
        assertEquals("\"task: non-zero exit (137)\"", ServiceFormat.error(failed, false));
        Task waiting = task(1, null, TaskStatus.of(TaskState.PENDING, T0,
                "no suitable node (insufficient memory on 2 nodes; 1 node drained)"));
        assertEquals("\"no suitable node (insufficient memory…\"", ServiceFormat.error(waiting, false));
        assertEquals("\"no suitable node (insufficient memory on 2 nodes; 1 node drained)\"", ServiceFormat.error(waiting, true));
        assertEquals("", ServiceFormat.error(task(1, "n", TaskStatus.of(TaskState.RUNNING, T0, "started")), false));
    }
}
