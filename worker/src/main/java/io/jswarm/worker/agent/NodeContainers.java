package io.jswarm.worker.agent;

import java.util.Set;

/** The containers on this node, as the agent needs them outside of any task's controller. */
public interface NodeContainers {
    /** Once at start-up, before any assignment is handled (reap orphans, recover, restore addresses). */
    void recover();

    /** Ids of the containers on this node's disk (container id = task id). */
    Set<String> ids();

    /** Stops (spec's signal, then KILL after its grace) and removes a container no task describes. */
    void stopAndRemove(String id);
}
