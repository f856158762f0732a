package io.jswarm.manager.stack;

import io.jswarm.api.service.Service;
import io.jswarm.api.service.ServiceSpec;

/**
 * The three writes a deploy makes, each one atomic store change that completes once applied
 * (the applier waits on it before the next step). Implemented over the store by the API, with
 * the same rules as {@code /v1/services} (unique names, optimistic versions).
 */
public interface ServiceWriter {
    void create(ServiceSpec spec);

    /** Fails if the service changed since {@code current} was read. */
    void update(Service current, ServiceSpec spec);

    void remove(Service current);
}
