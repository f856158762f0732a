package io.jswarm.compose.model;

/** A value with the compose key path it was read from, so later stages can point back at it. */
public record Located<T>(T value, String path) {}
