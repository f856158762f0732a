package io.jswarm.manager.orchestration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jswarm.api.node.Availability;
import io.jswarm.api.node.NodeState;
import io.jswarm.api.service.ServiceMode;
import io.jswarm.api.task.RestartCondition;
import io.jswarm.api.task.Task;
import io.jswarm.api.task.TaskState;
import io.jswarm.testkit.Await;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Stories of services converging and healing on one manager with fake workers and a fake clock. */
class OrchestrationTest {
    private final InProcessCluster c = new InProcessCluster().start();

    @AfterEach
    void stop() {
        c.close();
    }

    private static Set<String> nodesOf(List<Task> tasks) {
        return tasks.stream().map(Task::nodeId).collect(Collectors.toSet());
    }

    @Test
    void scalesUpAndDownSpreadingOverNodes() {
        c.addNode("n1");
        c.addNode("n2");
        c.addNode("n3");
        String web = c.createService(Specs.replicated("web", 3));
        assertEquals(Set.of("n1", "n2", "n3"), nodesOf(c.awaitRunning(web, 3)));

        c.updateService(web, s -> Specs.mode(s, new ServiceMode.Replicated(6)));
        List<Task> six = c.awaitRunning(web, 6);
        assertEquals(Set.of(1, 2, 3, 4, 5, 6), six.stream().map(Task::slot).collect(Collectors.toSet()));

        c.updateService(web, s -> Specs.mode(s, new ServiceMode.Replicated(2)));
        c.awaitRunning(web, 2);
        // Scaled-down tasks are stopped by their workers and then deleted by the reaper.
        c.awaitTasks("scaled-down tasks reaped", web, ts -> ts.size() == 2);
        assertEquals(Set.of(1, 2), c.running(web).stream().map(Task::slot).collect(Collectors.toSet()));
    }

    @Test
    void restartConditionAnyReplacesACrashedTaskAfterTheDelay() {
        c.addNode("n1");
        String web = c.createService(Specs.restart(Specs.replicated("web", 1), RestartCondition.ANY,
                Duration.ofSeconds(5), null, null));
        Task first = c.awaitRunning(web, 1).get(0);
        c.workers.get("n1").crash(first.id());
        c.awaitTasks("the crash reported", web, ts -> ts.stream().anyMatch(t -> t.status().state() == TaskState.FAILED));
        // The delay runs on the fake clock: nothing new while it has not passed.
        c.clock.advance(Duration.ofSeconds(4));
        assertEquals(1, c.tasks(web).size(), c.summary(web));
        c.clock.advance(Duration.ofSeconds(2));
        Task second = c.awaitRunning(web, 1).get(0);
        assertEquals(first.slot(), second.slot());
        assertTrue(!second.id().equals(first.id()));
    }

    @Test
    void restartConditionOnFailureLeavesACompletedTaskAlone() {
        c.addNode("n1");
        String job = c.createService(Specs.restart(Specs.replicated("once", 1, "exit", "0"), RestartCondition.ON_FAILURE,
                Duration.ZERO, null, null));
        c.awaitTasks("task completed", job, ts -> ts.stream().anyMatch(t -> t.status().state() == TaskState.COMPLETE));
        c.clock.advance(Duration.ofMinutes(1));
        settle();
        assertEquals(1, c.tasks(job).size(), c.summary(job));
    }

    @Test
    void restartConditionNoneNeverRestarts() {
        c.addNode("n1");
        String svc = c.createService(Specs.restart(Specs.replicated("fragile", 1, "exit", "3"), RestartCondition.NONE,
                Duration.ZERO, null, null));
        c.awaitTasks("task failed", svc, ts -> ts.stream().anyMatch(t -> t.status().state() == TaskState.FAILED));
        c.clock.advance(Duration.ofMinutes(1));
        settle();
        assertEquals(1, c.tasks(svc).size(), c.summary(svc));
    }

    @Test
    void maxAttemptsWithinTheWindowGivesTheSlotUp() {
        c.addNode("n1");
        String svc = c.createService(Specs.restart(Specs.replicated("flaky", 1, "exit", "1"), RestartCondition.ANY,
                Duration.ofSeconds(1), 2, Duration.ofSeconds(60)));
        // 1 run + 2 restarts, each failing; then the slot is given up (it fails too fast).
        advanceUntil("three failed runs", svc, ts -> ts.size() == 3
                && ts.stream().allMatch(t -> t.status().state() == TaskState.FAILED));
        c.clock.advance(Duration.ofSeconds(30));
        settle();
        assertEquals(3, c.tasks(svc).size(), c.summary(svc));
    }

    @Test
    void maxAttemptsWithoutAWindowCountsTheWholeHistory() {
        c.addNode("n1");
        String svc = c.createService(Specs.restart(Specs.replicated("flaky", 1, "exit", "1"), RestartCondition.ANY,
                Duration.ofSeconds(1), 6, null));
        advanceUntil("seven failed runs", svc, ts -> ts.size() == 7
                && ts.stream().allMatch(t -> t.status().state() == TaskState.FAILED));
        c.clock.advance(Duration.ofHours(1));
        settle();
        // 7 tasks: the reaper keeps maxAttempts + 1 so the count stays right.
        assertEquals(7, c.tasks(svc).size(), c.summary(svc));
    }

    @Test
    void globalServiceFollowsNodesJoiningAndDraining() {
        c.addNode("n1");
        String agent = c.createService(Specs.mode(Specs.replicated("agent", 0), new ServiceMode.Global()));
        assertEquals(Set.of("n1"), nodesOf(c.awaitRunning(agent, 1)));
        c.addNode("n2");
        assertEquals(Set.of("n1", "n2"), nodesOf(c.awaitRunning(agent, 2)));
        c.setAvailability("n1", Availability.DRAIN);
        awaitRunningOn(agent, Set.of("n2"), 1);
        c.awaitTasks("n1's copy stopped", agent, ts -> ts.stream()
                .anyMatch(t -> t.nodeId().equals("n1") && t.status().state() == TaskState.SHUTDOWN));
    }

    @Test
    void replicatedJobRunsToCompletionWithinItsConcurrency() {
        c.addNode("n1");
        c.addNode("n2");
        String job = c.createService(Specs.mode(Specs.replicated("batch", 0, "exit", "0"), new ServiceMode.ReplicatedJob(2, 5)));
        List<Task> done = c.awaitTasks("5 completions", job,
                ts -> ts.stream().filter(t -> t.status().state() == TaskState.COMPLETE).count() == 5);
        assertEquals(5, done.size(), c.summary(job));
        settle();
        assertEquals(5, c.tasks(job).size(), "a finished job creates no more tasks: " + c.summary(job));
    }

    @Test
    void nodeDownIsReplacedElsewhereAndItsStaleCopyStopsWhenItReturns() {
        c.addNode("n1");
        c.addNode("n2");
        String web = c.createService(Specs.replicated("web", 2));
        Task onN1 = c.awaitRunning(web, 2).stream().filter(t -> t.nodeId().equals("n1")).findFirst().orElseThrow();
        c.workers.get("n1").disconnect();
        c.setNodeState("n1", NodeState.DOWN);
        // Replaced at once (no restart delay: the task did not fail, its node went away).
        awaitRunningOn(web, Set.of("n2"), 2);
        assertEquals(TaskState.RUNNING, c.workers.get("n1").containers.get(onN1.id()), "the lost copy still runs on n1");

        c.setNodeState("n1", NodeState.READY);
        c.workers.get("n1").connect();
        c.awaitTasks("the stale copy on n1 stopped", web, ts -> ts.stream()
                .anyMatch(t -> t.id().equals(onN1.id()) && t.status().state() == TaskState.SHUTDOWN));
        assertEquals(TaskState.SHUTDOWN, c.workers.get("n1").containers.get(onN1.id()));
        assertEquals(2, c.running(web).size());
    }

    @Test
    void drainMovesTasksWithoutRestartDelay() {
        c.addNode("n1");
        c.addNode("n2");
        String web = c.createService(Specs.restart(Specs.replicated("web", 4), RestartCondition.ANY,
                Duration.ofHours(1), null, null));
        c.awaitRunning(web, 4);
        c.setAvailability("n1", Availability.DRAIN);
        // The clock does not move: an hour-long restart delay would show here.
        awaitRunningOn(web, Set.of("n2"), 4);
    }

    @Test
    void anUnplaceableTaskWaitsWithTheReasonAndIsPlacedWhenANodeFits() {
        c.addNode("small", Map.of("zone", "a"));
        String big = c.createService(Specs.constraints(Specs.replicated("big", 1), "node.labels.zone==b"));
        Task waiting = c.awaitTasks("an explanation", big, ts -> ts.size() == 1
                && ts.get(0).status().message().startsWith("no suitable node")).get(0);
        assertEquals(TaskState.PENDING, waiting.status().state());
        assertTrue(waiting.status().message().contains("1 node"), waiting.status().message());
        c.addNode("fits", Map.of("zone", "b"));
        assertEquals(Set.of("fits"), nodesOf(c.awaitRunning(big, 1)));
    }

    @Test
    void theReaperKeepsFiveTasksPerSlot() {
        c.addNode("n1");
        String svc = c.createService(Specs.restart(Specs.replicated("crashy", 1, "exit", "1"), RestartCondition.ANY,
                Duration.ofSeconds(1), null, null));
        Set<String> seen = new HashSet<>();
        advanceUntil("ten runs", svc, ts -> {
            ts.forEach(t -> seen.add(t.id()));
            assertTrue(ts.size() <= 6, "at most 5 kept plus the one being replaced: " + ts.size());
            return seen.size() >= 10;
        });
        Await.until("history trimmed to 5", InProcessCluster.WAIT, () -> c.tasks(svc).size(), n -> n == 5);
    }

    private void awaitRunningOn(String svc, Set<String> nodes, int n) {
        Await.until(n + " running on " + nodes, InProcessCluster.WAIT, () -> c.summary(svc),
                x -> c.running(svc).size() == n && nodesOf(c.running(svc)).equals(nodes));
    }

    /** Moves the fake clock a second at a time until the service's tasks satisfy {@code done}. */
    private void advanceUntil(String what, String svc, java.util.function.Predicate<List<Task>> done) {
        Await.until(what, InProcessCluster.WAIT, () -> {
            List<Task> ts = c.tasks(svc);
            if (!done.test(ts)) {
                c.clock.advance(Duration.ofSeconds(1));
            }
            return ts;
        }, done);
    }

    /** Lets the loops and workers react to the last change: waits until nothing commits for 300 ms. */
    private void settle() {
        long[] last = {c.store.state().appliedIndex(), System.nanoTime()};
        Await.until("the cluster to go quiet", InProcessCluster.WAIT, () -> {
            long now = c.store.state().appliedIndex();
            if (now != last[0]) {
                last[0] = now;
                last[1] = System.nanoTime();
            }
            return System.nanoTime() - last[1] > 300_000_000L;
        });
    }
}
