package io.jswarm.manager.store;

/** What a mutation does to one row. Part of the log format. */
public enum Op { CREATE, UPDATE, DELETE }
