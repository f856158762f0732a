package io.jswarm.api.node;

/** What the managers observe of a node through its heartbeats. */
public enum NodeState { UNKNOWN, DOWN, READY, DISCONNECTED }
