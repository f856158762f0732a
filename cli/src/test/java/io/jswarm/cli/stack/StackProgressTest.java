package io.jswarm.cli.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jswarm.api.Meta;
import io.jswarm.api.service.Service;
import io.jswarm.api.service.ServiceMode;
import io.jswarm.api.service.ServiceSpec;
import io.jswarm.api.task.ContainerSpec;
import io.jswarm.api.task.Task;
import io.jswarm.api.task.TaskSpec;
import io.jswarm.api.task.TaskState;
import io.jswarm.api.task.TaskStatus;
import io.jswarm.cli.commands.stack.StackProgress;
import io.jswarm.manager.api.ServiceWire.ServiceView;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The per-service progress lines of a deploy: pure. */
class StackProgressTest {
    private static Service service(String name, ServiceMode mode) {
        return new Service("id-" + name, Meta.created(1, Instant.EPOCH), new ServiceSpec(name, Map.of(),
                TaskSpec.of(ContainerSpec.of("busybox")), mode, null, null, null), null);
    }

    private static Task task(String service, int slot, TaskState state, String error) {
        return new Task(service + slot, null, "id-" + service, slot, "n1", TaskSpec.of(ContainerSpec.of("busybox")), 1,
                TaskState.RUNNING, new TaskStatus(state, Instant.EPOCH.plusSeconds(slot), "", error, null, null));
    }

    @Test
    void aJobIsDoneOnlyWhenItsTasksCompletedAndMissingServicesAreNotCreatedYet() {
        Service web = service("s_web", new ServiceMode.Replicated(2));
        Service job = service("s_job", new ServiceMode.ReplicatedJob(1, 1));
        List<StackProgress.Line> lines = StackProgress.of(List.of("s_job", "s_web", "s_new"),
                List.of(new ServiceView(web, 1, 2), new ServiceView(job, 1, 1)),
                List.of(task("s_web", 1, TaskState.RUNNING, null), task("s_web", 2, TaskState.FAILED, "task: non-zero exit (1)"),
                        task("s_job", 1, TaskState.RUNNING, null)));
        assertEquals(List.of(
                "s_job  0/1      running job",
                "s_web  1/2      starting  (failed: task: non-zero exit (1))",
                "s_new           not created yet"), StackProgress.render(lines));
        assertFalse(StackProgress.converged(lines), "a running job has not completed");

        List<StackProgress.Line> done = StackProgress.of(List.of("s_job", "s_web"),
                List.of(new ServiceView(web, 2, 2), new ServiceView(job, 1, 1)),
                List.of(task("s_web", 1, TaskState.RUNNING, null), task("s_job", 1, TaskState.COMPLETE, null)));
        assertTrue(StackProgress.converged(done), StackProgress.render(done).toString());
    }
}
