package io.jswarm.manager.loop;

import io.jswarm.manager.orchestrator.Orchestrator;
import io.jswarm.manager.reaper.Reaping;
import io.jswarm.manager.reaper.TaskReaper;
import io.jswarm.manager.schedulerloop.SchedulerLoop;
import io.jswarm.manager.store.ClusterStore;
import io.jswarm.scheduler.placement.Placer;
import io.jswarm.scheduler.reconcile.TaskIdGenerator;
import java.time.Clock;
import java.util.List;

/**
 * The one place that knows every leader-only loop (swarmkit's becomeLeader): started together
 * when this manager wins leadership, stopped together when it loses it. The loops never call
 * each other; each reacts to what the others commit.
 */
public final class LeaderLoops implements AutoCloseable {
    private final List<StoreLoop> loops;
    private boolean running;

    public LeaderLoops(ClusterStore store, Clock clock, TaskIdGenerator ids) {
        this.loops = List.of(
                new Orchestrator(store, clock, ids),
                new SchedulerLoop(store, clock, new Placer()),
                new TaskReaper(store, clock, Reaping.DEFAULT_KEEP));
    }

    public synchronized void start() {
        if (!running) {
            loops.forEach(StoreLoop::start);
            running = true;
        }
    }

    public synchronized void stop() {
        if (running) {
            loops.forEach(StoreLoop::close);
            running = false;
        }
    }

    public synchronized boolean running() {
        return running;
    }

    @Override
    public void close() {
        stop();
    }
}
