package io.jswarm.worker.agent;

import java.util.List;

/**
 * Where the worker sends task status changes: the dispatcher session, which commits each batch as
 * one Raft entry. A batch holds at most one update per task (the newest). Throwing means "not
 * delivered": the agent keeps the updates and sends them again with the next batch.
 */
@FunctionalInterface
public interface StatusReporter {
    void report(List<StatusUpdate> batch);
}
