package io.jswarm.worker.image;

/** What one garbage collection removed. */
public record GcReport(int blobsRemoved, int layersRemoved, long bytesFreed) {}
