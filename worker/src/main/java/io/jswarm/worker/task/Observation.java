package io.jswarm.worker.task;

import io.jswarm.api.task.HealthState;
import io.jswarm.worker.runtime.ExitStatus;

/**
 * What a controller saw when asked: the exit status once the process ended, else the health
 * verdict (NONE without a health check) and, when unhealthy, why.
 */
public record Observation(ExitStatus exit, HealthState health, String healthReason, Long pid) {
    public static Observation running(Long pid, HealthState health, String reason) {
        return new Observation(null, health, reason, pid);
    }

    public static Observation exited(ExitStatus exit) {
        return new Observation(exit, HealthState.NONE, null, null);
    }
}
