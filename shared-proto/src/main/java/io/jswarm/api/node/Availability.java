package io.jswarm.api.node;

/**
 * What the operator allows on a node: ACTIVE takes new tasks, PAUSE keeps its tasks but takes no
 * new ones, DRAIN moves its tasks elsewhere.
 */
public enum Availability { ACTIVE, PAUSE, DRAIN }
