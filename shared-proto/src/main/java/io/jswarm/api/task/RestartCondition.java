package io.jswarm.api.task;

/** When a finished task is replaced: never, only after a failure, or always. */
public enum RestartCondition { NONE, ON_FAILURE, ANY }
