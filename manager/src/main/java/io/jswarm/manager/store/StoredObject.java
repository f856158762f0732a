package io.jswarm.manager.store;

import io.jswarm.api.Meta;

/**
 * A small opaque object (a key and a string value). Benchmarks and fault tests write these with a
 * unique value each so that a checker can tell whether an acknowledged write was lost.
 */
public record StoredObject(String id, Meta meta, String value) {
    public StoredObject withMeta(Meta m) {
        return new StoredObject(id, m, value);
    }
}
