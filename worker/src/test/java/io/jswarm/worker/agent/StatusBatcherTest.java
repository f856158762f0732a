package io.jswarm.worker.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jswarm.api.task.TaskState;
import io.jswarm.api.task.TaskStatus;
import io.jswarm.testkit.FakeClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusBatcherTest {
    private final FakeClock clock = new FakeClock();

    private StatusUpdate u(String id, TaskState s) {
        return new StatusUpdate(id, TaskStatus.of(s, clock.instant(), s.name().toLowerCase()));
    }

    @Test
    void aBatchIsDueOneWindowAfterItsFirstUpdate() {
        StatusBatcher b = new StatusBatcher(Duration.ofMillis(100), 10);
        assertNull(b.dueAt());
        assertFalse(b.add(u("a", TaskState.ACCEPTED), clock.instant()));
        clock.advance(Duration.ofMillis(60));
        b.add(u("b", TaskState.ACCEPTED), clock.instant());
        assertFalse(b.isDue(clock.instant()));
        clock.advance(Duration.ofMillis(40));
        assertTrue(b.isDue(clock.instant()), "100 ms after the first update, not after the last");
        assertEquals(2, b.drain(clock.instant()).size());
        assertNull(b.dueAt());
    }

    @Test
    void onlyTheNewestStatusOfATaskIsSent() {
        StatusBatcher b = new StatusBatcher(Duration.ofMillis(100), 10);
        for (TaskState s : List.of(TaskState.ACCEPTED, TaskState.PREPARING, TaskState.READY, TaskState.STARTING, TaskState.RUNNING)) {
            b.add(u("a", s), clock.instant());
        }
        b.add(u("b", TaskState.ACCEPTED), clock.instant());
        List<StatusUpdate> batch = b.drain(clock.instant());
        assertEquals(List.of("a", "b"), batch.stream().map(StatusUpdate::taskId).toList());
        assertEquals(TaskState.RUNNING, batch.get(0).status().state());
    }

    @Test
    void aFullBatchIsDueAtOnceAndTheRestWaitsForTheNext() {
        StatusBatcher b = new StatusBatcher(Duration.ofSeconds(10), 3);
        assertFalse(b.add(u("a", TaskState.RUNNING), clock.instant()));
        assertFalse(b.add(u("b", TaskState.RUNNING), clock.instant()));
        assertTrue(b.add(u("c", TaskState.RUNNING), clock.instant()));
        b.add(u("d", TaskState.RUNNING), clock.instant());
        assertEquals(List.of("a", "b", "c"), b.drain(clock.instant()).stream().map(StatusUpdate::taskId).toList());
        assertEquals(1, b.size());
        assertEquals(clock.instant().plusSeconds(10), b.dueAt());
    }

    @Test
    void anUndeliveredBatchIsRequeuedButNeverOverwritesANewerStatus() {
        StatusBatcher b = new StatusBatcher(Duration.ofMillis(100), 10);
        b.add(u("a", TaskState.STARTING), clock.instant());
        b.add(u("b", TaskState.RUNNING), clock.instant());
        List<StatusUpdate> lost = b.drain(clock.instant());
        b.add(u("a", TaskState.RUNNING), clock.instant());
        b.requeue(lost, clock.instant());
        List<StatusUpdate> again = b.drain(clock.instant());
        assertEquals(2, again.size());
        assertEquals(TaskState.RUNNING, again.stream().filter(x -> x.taskId().equals("a")).findFirst().orElseThrow().status().state());
    }
}
