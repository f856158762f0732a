package io.jswarm.api.node;

/** How a manager sees another manager through Raft. */
public enum Reachability { UNKNOWN, UNREACHABLE, REACHABLE }
