package io.jswarm.api.service;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * How many tasks a service wants: a fixed number of slots, one per eligible node, or a job that
 * runs to completion (replicated with a total count and a concurrency limit, or once per node).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = ServiceMode.Replicated.class, name = "replicated"),
    @JsonSubTypes.Type(value = ServiceMode.Global.class, name = "global"),
    @JsonSubTypes.Type(value = ServiceMode.ReplicatedJob.class, name = "replicated-job"),
    @JsonSubTypes.Type(value = ServiceMode.GlobalJob.class, name = "global-job"),
})
public sealed interface ServiceMode {

    record Replicated(int replicas) implements ServiceMode {}

    record Global() implements ServiceMode {}

    /** {@code totalCompletions} tasks must exit 0, at most {@code maxConcurrent} at a time. */
    record ReplicatedJob(int maxConcurrent, int totalCompletions) implements ServiceMode {}

    record GlobalJob() implements ServiceMode {}

    @JsonIgnore
    default boolean isJob() {
        return this instanceof ReplicatedJob || this instanceof GlobalJob;
    }

    /** Docker's names, as printed in {@code service ls}. */
    default String displayName() {
        if (this instanceof Replicated) {
            return "replicated";
        } else if (this instanceof Global) {
            return "global";
        } else if (this instanceof ReplicatedJob) {
            return "replicated job";
        }
        return "global job";
    }
}
