package io.jswarm.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jswarm.api.task.IllegalTransitionException;
import io.jswarm.api.task.Task;
import io.jswarm.api.task.TaskState;
import io.jswarm.api.task.TaskStatus;
import org.junit.jupiter.api.Test;

class TaskStateTest {

    @Test
    void statesAreInLifeOrder() {
        assertEquals("NEW, PENDING, ASSIGNED, ACCEPTED, PREPARING, READY, STARTING, RUNNING, COMPLETE, SHUTDOWN, FAILED, REJECTED, REMOVE, ORPHANED",
                String.join(", ", java.util.Arrays.stream(TaskState.values()).map(Enum::name).toList()));
    }

    @Test
    void everyBackwardMoveIsRefusedAndEveryForwardMoveAllowed() {
        for (TaskState from : TaskState.values()) {
            for (TaskState to : TaskState.values()) {
                if (to.ordinal() < from.ordinal()) {
                    assertFalse(from.canMoveTo(to), from + " -> " + to);
                    assertThrows(IllegalTransitionException.class, () -> from.moveTo(to));
                } else {
                    assertTrue(from.canMoveTo(to), from + " -> " + to);
                    assertEquals(to, from.moveTo(to));
                }
            }
        }
    }

    @Test
    void aTaskRefusesToGoBackFromRunningToStarting() {
        Task running = Fixtures.task();
        IllegalTransitionException e = assertThrows(IllegalTransitionException.class,
                () -> running.withStatus(TaskStatus.of(TaskState.STARTING, Fixtures.T0, "again")));
        assertTrue(e.getMessage().contains("RUNNING to STARTING"), e.getMessage());
        assertEquals(TaskState.FAILED, running.withStatus(TaskStatus.of(TaskState.FAILED, Fixtures.T0, "exit 1")).status().state());
    }

    @Test
    void desiredStateOnlyRises() {
        Task running = Fixtures.task();
        Task shutdown = running.withDesiredState(TaskState.SHUTDOWN);
        assertThrows(IllegalTransitionException.class, () -> shutdown.withDesiredState(TaskState.RUNNING));
    }

    @Test
    void terminalStates() {
        assertFalse(TaskState.RUNNING.isTerminal());
        assertTrue(TaskState.COMPLETE.isTerminal());
        assertTrue(TaskState.REJECTED.isTerminal());
    }
}
