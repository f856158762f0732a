package io.jswarm.scheduler.reconcile;

/** Gives each new task its id; injected so tests (and replays) are deterministic. */
@FunctionalInterface
public interface TaskIdGenerator {
    String next();
}
