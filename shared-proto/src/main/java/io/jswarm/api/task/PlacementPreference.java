package io.jswarm.api.task;

/** {@code spread=node.labels.zone}: spread tasks evenly over the values of a node descriptor. */
public record PlacementPreference(String spread) {}
