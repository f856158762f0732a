package io.jswarm.api.node;

/** A manager holds the Raft log and runs the leader loops; a worker only runs tasks. */
public enum NodeRole { MANAGER, WORKER }
