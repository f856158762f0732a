package io.jswarm.api.service;

/** What a rolling update does when too many new tasks fail. */
public enum FailureAction { PAUSE, CONTINUE, ROLLBACK }
