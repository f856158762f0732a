package io.jswarm.manager.raft;

import java.time.Duration;

/**
 * Raft timing and sizing. The defaults aim at a new leader and a successful write within 3 s
 * of a leader crash on a LAN (RAFT.md measured 0.5 s with short timeouts, 2.3 s with 1–2 s), while
 * staying above GC and JIT pauses of small managers so that elections are not spurious.
 *
 * @param electionTimeoutMin  a follower waits a random time in [min, max] without a leader heartbeat before an election
 * @param writeDeadline       a write not committed within this is reported as failed (no quorum)
 * @param readDeadline        a linearizable read not confirmed within this fails
 * @param snapshotEvery       take a snapshot (and purge the log before it) every this many entries
 */
public record RaftSettings(
        Duration electionTimeoutMin,
        Duration electionTimeoutMax,
        Duration writeDeadline,
        Duration readDeadline,
        long snapshotEvery) {

    public static RaftSettings defaults() {
        return new RaftSettings(Duration.ofMillis(600), Duration.ofMillis(1200), Duration.ofSeconds(5),
                Duration.ofSeconds(3), 10_000);
    }

    public RaftSettings withSnapshotEvery(long entries) {
        return new RaftSettings(electionTimeoutMin, electionTimeoutMax, writeDeadline, readDeadline, entries);
    }

    public RaftSettings withWriteDeadline(Duration d) {
        return new RaftSettings(electionTimeoutMin, electionTimeoutMax, d, readDeadline, snapshotEvery);
    }
}
