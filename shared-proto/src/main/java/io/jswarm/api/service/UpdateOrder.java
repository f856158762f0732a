package io.jswarm.api.service;

/** Stop the old task before starting its replacement, or start the new one first. */
public enum UpdateOrder { STOP_FIRST, START_FIRST }
