package io.jswarm.api.service;

import io.jswarm.api.Meta;

/**
 * A stored service: the current spec, the one before the last update (for rollback), and
 * {@link Meta#version()} for optimistic concurrency.
 */
public record Service(String id, Meta meta, ServiceSpec spec, ServiceSpec previousSpec) {

    public long version() {
        return meta.version();
    }
}
