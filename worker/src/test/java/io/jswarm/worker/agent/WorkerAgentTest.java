package io.jswarm.worker.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jswarm.api.task.ContainerSpec;
import io.jswarm.api.task.Task;
import io.jswarm.api.task.TaskState;
import io.jswarm.api.task.TaskStatus;
import io.jswarm.testkit.Await;
import io.jswarm.worker.task.TestTasks;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The agent's loop over an in-process node: concurrency, batching, removal, reconcile. No root needed. */
class WorkerAgentTest {
    final FakeNode node = new FakeNode();
    final RecordingReporter reporter = new RecordingReporter();
    final List<WorkerAgent> agents = new ArrayList<>();

    @AfterEach
    void close() {
        node.holdStart.values().forEach(CountDownLatch::countDown);
        agents.forEach(a -> a.close(Duration.ofSeconds(5)));
    }

    WorkerAgent agent(StatusReporter r, AgentConfig config) {
        WorkerAgent a = new WorkerAgent(node, node, r, config, Clock.systemUTC());
        agents.add(a);
        a.start();
        return a;
    }

    WorkerAgent agent() {
        return agent(reporter, AgentConfig.defaults().withObserveInterval(Duration.ofMillis(50)));
    }

    static Task task(String id) {
        return TestTasks.assigned(id, ContainerSpec.of("busybox"));
    }

    TaskStatus await(String id, TaskState state) {
        return Await.until(id + " reported " + state, Duration.ofSeconds(10), () -> reporter.latest(id).orElse(null),
                s -> s != null && s.state() == state);
    }

    @Test
    void oneSlowStartDoesNotHoldUpTheOthers() {
        node.holdStart.put("slow", new CountDownLatch(1));
        WorkerAgent a = agent();
        a.full(List.of(task("slow"), task("fast")));
        await("fast", TaskState.RUNNING);
        assertEquals(TaskState.STARTING, a.tasks().get("slow").status().state());
        node.holdStart.get("slow").countDown();
        await("slow", TaskState.RUNNING);
        assertTrue(node.recovered, "recovery ran before the assignments");
    }

    @Test
    void statusChangesWithinTheWindowAreCoalescedPerTask() {
        WorkerAgent a = agent(reporter, new AgentConfig(Duration.ofSeconds(1), 1000, Duration.ofMillis(50), 4));
        List<Task> tasks = IntStream.range(0, 50).mapToObj(i -> task("t" + i)).toList();
        a.full(tasks);
        tasks.forEach(t -> await(t.id(), TaskState.RUNNING));
        List<List<StatusUpdate>> batches = reporter.batches();
        int updates = batches.stream().mapToInt(List::size).sum();
        // 50 tasks × 6 changes (ACCEPTED … RUNNING, then the first observation) = 300 without batching
        // in-memory steps of 50 tasks take far less than the 1 s window
        assertTrue(updates <= 100 && batches.size() <= 3, updates + " updates in " + batches.size() + " batches");
        assertTrue(batches.stream().allMatch(b -> b.stream().map(StatusUpdate::taskId).distinct().count() == b.size()),
                "at most one update per task in a batch");
    }

    @Test
    void aFullBatchIsSentAtOnceAndNoBatchExceedsTheLimit() {
        WorkerAgent a = agent(reporter, new AgentConfig(Duration.ofSeconds(30), 20, Duration.ofMillis(50), 4));
        List<Task> tasks = IntStream.range(0, 50).mapToObj(i -> task("u" + i)).toList();
        a.full(tasks);
        // With a 30 s window, only full batches can have been sent within the deadline.
        Await.until("full batches sent", Duration.ofSeconds(10), () -> reporter.batches().size(), n -> n >= 5);
        assertTrue(reporter.batches().stream().allMatch(b -> b.size() == 20),
                "batch sizes " + reporter.batches().stream().map(List::size).toList());
    }

    @Test
    void anUndeliveredBatchIsSentAgain() {
        AtomicInteger calls = new AtomicInteger();
        WorkerAgent a = agent(batch -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("no leader");
            }
            reporter.report(batch);
        }, AgentConfig.defaults().withObserveInterval(Duration.ofMillis(50)));
        a.full(List.of(task("x")));
        await("x", TaskState.RUNNING);
        assertTrue(calls.get() >= 2);
    }

    @Test
    void shutdownThenRemoveAndUnassignedTasksAreCleanedUpSilently() {
        WorkerAgent a = agent();
        a.full(List.of(task("a"), task("b")));
        await("a", TaskState.RUNNING);
        await("b", TaskState.RUNNING);

        a.changed(List.of(AssignmentChange.updated(task("a").withDesiredState(TaskState.SHUTDOWN))));
        await("a", TaskState.SHUTDOWN);
        assertTrue(node.containers.contains("a"), "a stopped task keeps its container (logs) until REMOVE");
        a.changed(List.of(AssignmentChange.updated(task("a").withDesiredState(TaskState.REMOVE))));
        Await.until("a removed", Duration.ofSeconds(10), () -> !node.containers.contains("a"));

        int before = reporter.batches().size();
        a.changed(List.of(AssignmentChange.removed("b")));
        Await.until("b removed", Duration.ofSeconds(10), () -> !node.containers.contains("b"));
        assertEquals(1, node.count("shutdown b"), "stopped before removal");
        a.close(Duration.ofSeconds(5)); // sends what is pending
        assertTrue(reporter.batches().subList(before, reporter.batches().size()).stream().flatMap(List::stream)
                .noneMatch(u -> u.taskId().equals("b")), "no reports for a task no longer assigned here");
    }

    @Test
    void aCompletedTaskIsReportedCompleteAndLeftAlone() {
        WorkerAgent a = agent();
        a.full(List.of(task("job")));
        await("job", TaskState.RUNNING);
        node.exits.put("job", 0);
        await("job", TaskState.COMPLETE);
        node.exits.put("failing", 3);
        a.changed(List.of(AssignmentChange.added(task("failing"))));
        TaskStatus failed = await("failing", TaskState.FAILED);
        assertEquals(3, failed.container().exitCode());
        assertEquals(1, node.count("start job"));
    }

    @Test
    void aFullSetAfterReRegistrationAdoptsReleasesAndRemovesOrphans() {
        node.containers.add("kept");    // on disk from before a restart
        node.containers.add("orphan");  // on disk, assigned to nobody
        WorkerAgent a = agent();
        Task kept = task("kept").withStatus(TaskStatus.of(TaskState.RUNNING, java.time.Instant.EPOCH, "started"));
        a.full(List.of(kept, task("dropped")));
        await("dropped", TaskState.RUNNING);
        Await.until("orphan removed", Duration.ofSeconds(10), () -> !node.containers.contains("orphan"));
        assertEquals(0, node.count("start kept"), "an adopted running container is observed, never started again");
        assertEquals(0, node.count("prepare kept"));

        a.full(List.of(kept)); // the new leader no longer assigns "dropped" here
        Await.until("dropped removed", Duration.ofSeconds(10), () -> !node.containers.contains("dropped"));
        assertEquals(List.of("kept"), List.copyOf(a.tasks().keySet()));
    }

    @Test
    void aRejectedTaskCarriesTheControllersMessage() {
        WorkerAgent a = agent();
        a.full(List.of(TestTasks.assigned("r", ContainerSpec.of("missing:1"))));
        TaskStatus s = await("r", TaskState.REJECTED);
        assertEquals("image not found: missing:1", s.error());
    }

    @Test
    void aReconnectWithTheFeedsFullSetAdoptsAndCatchesUpOnWhatChangedMeanwhile() {
        LocalAssignmentFeed feed = new LocalAssignmentFeed();
        WorkerAgent first = agent(batch -> {
            feed.report(batch);
            reporter.report(batch);
        }, AgentConfig.defaults().withObserveInterval(Duration.ofMillis(50)));
        feed.assign(task("p"));
        feed.assign(task("q"));
        feed.connect(first);
        await("p", TaskState.RUNNING);
        await("q", TaskState.RUNNING);
        Await.until("the feed knows both run", Duration.ofSeconds(10), () -> feed.assigned().values().stream()
                .allMatch(t -> t.status().state() == TaskState.RUNNING));
        feed.disconnect();
        first.close(Duration.ofSeconds(5)); // the worker restarts; its "containers" stay

        feed.unassign("q");            // meanwhile the managers moved q elsewhere
        feed.assign(task("s"));        // and gave this node a new task
        WorkerAgent second = agent(reporter, AgentConfig.defaults().withObserveInterval(Duration.ofMillis(50)));
        feed.connect(second);
        await("s", TaskState.RUNNING);
        Await.until("q removed", Duration.ofSeconds(10), () -> !node.containers.contains("q"));
        assertEquals(1, node.count("start p"), "p adopted, not started again");
        assertEquals(java.util.Set.of("p", "s"), second.tasks().keySet());
    }
}
