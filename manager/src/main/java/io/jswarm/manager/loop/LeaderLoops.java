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
    /**
     * Leadership changes are applied in order on this thread: stopping waits for each loop's
     * current pass (which may wait on a Raft write until its deadline), and the caller — the
     * manager's Vert.x timer — must not block that long.
     */
    private final java.util.concurrent.ExecutorService control = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "jswarm-leader-loops");
        t.setDaemon(true);
        return t;
    });

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

    /** Starts or stops the loops without blocking the caller; changes apply in the order given. */
    public void leadershipChanged(boolean leading) {
        control.execute(leading ? this::start : this::stop);
    }

    public synchronized boolean running() {
        return running;
    }

    @Override
    public void close() {
        control.shutdownNow();
        stop();
    }
}
