package io.jswarm.api.node;

/** Capacity a node reports: whole machine, in nano-CPUs and bytes. */
public record NodeResources(long nanoCpus, long memoryBytes) {}
