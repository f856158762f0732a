package io.jswarm.api.task;

/** A resource limit such as {@code nofile} set inside the container (soft may not exceed hard). */
public record Ulimit(String name, long soft, long hard) {}
