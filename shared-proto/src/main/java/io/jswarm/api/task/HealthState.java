package io.jswarm.api.task;

/** Health-check verdict, with Docker's names. NONE: the task has no health check. */
public enum HealthState { NONE, STARTING, HEALTHY, UNHEALTHY }
