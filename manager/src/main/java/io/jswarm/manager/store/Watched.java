package io.jswarm.manager.store;

/** The result of {@code viewAndWatch}: what the view returned, and every event committed after it. */
public record Watched<R>(R value, Watch watch) {}
