package io.jswarm.api.task;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.jswarm.api.json.ByteSizeDeserializer;

/** An amount of resources; any field may be null (not set). CPUs in nano-CPUs, memory in bytes
 * (JSON input may also say "512M"). */
public record Resources(
        Long nanoCpus,
        @JsonDeserialize(using = ByteSizeDeserializer.class) Long memoryBytes,
        Long pids) {
    public static final Resources NONE = new Resources(null, null, null);
}
