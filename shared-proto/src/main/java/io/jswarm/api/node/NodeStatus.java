package io.jswarm.api.node;

/** Observed state of a node; {@code address} is where its daemon is reached. */
public record NodeStatus(NodeState state, String message, String address) {}
