package io.jswarm.api.node;

/** What a node says about itself when it registers. */
public record NodeDescription(String hostname, Platform platform, NodeResources resources, String version) {}
