package io.jswarm.compose.model;

/**
 * A service's use of a secret or config: which one ({@code source}, the top-level key), where it
 * appears in the container ({@code target}; null: the default place), owner and file mode.
 */
public record FileRef(String source, String target, String uid, String gid, Integer mode) {}
