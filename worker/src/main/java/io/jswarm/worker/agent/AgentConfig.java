package io.jswarm.worker.agent;

import java.time.Duration;

/**
 * @param batchWindow     how long status updates are collected before they are sent
 * @param batchMax        a batch is sent at once when it holds this many tasks
 * @param observeInterval how often a running container is looked at (exit, OOM, health, log rotation)
 * @param stepThreads     threads for blocking controller calls, so one slow start does not hold up the others
 */
public record AgentConfig(Duration batchWindow, int batchMax, Duration observeInterval, int stepThreads) {
    public AgentConfig {
        if (batchWindow == null || batchWindow.isNegative()) {
            throw new IllegalArgumentException("batchWindow must be >= 0");
        }
        if (batchMax < 1) {
            throw new IllegalArgumentException("batchMax must be >= 1");
        }
        if (observeInterval == null || observeInterval.isNegative() || observeInterval.isZero()) {
            throw new IllegalArgumentException("observeInterval must be > 0");
        }
        if (stepThreads < 1) {
            throw new IllegalArgumentException("stepThreads must be >= 1");
        }
    }

    public static AgentConfig defaults() {
        return new AgentConfig(Duration.ofMillis(100), 100, Duration.ofSeconds(1), 4);
    }

    public AgentConfig withObserveInterval(Duration d) {
        return new AgentConfig(batchWindow, batchMax, d, stepThreads);
    }
}
