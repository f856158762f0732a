package io.jswarm.api.task;

import io.jswarm.api.Copies;
import java.time.Duration;
import java.util.List;

/**
 * Docker's health check: {@code test} is ["CMD", args…], ["CMD-SHELL", command] or ["NONE"]
 * (disabled). Null durations mean the defaults (30s interval, 30s timeout, 0 start period);
 * null retries means 3.
 */
public record HealthConfig(List<String> test, Duration interval, Duration timeout, Integer retries, Duration startPeriod) {
    public HealthConfig {
        test = Copies.list(test);
    }

    public boolean disabled() {
        return !test.isEmpty() && test.get(0).equals("NONE");
    }
}
