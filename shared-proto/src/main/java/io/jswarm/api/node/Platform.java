package io.jswarm.api.node;

/** Operating system and architecture, as Go names them (linux, amd64) so constraints read like Docker's. */
public record Platform(String os, String architecture) {}
