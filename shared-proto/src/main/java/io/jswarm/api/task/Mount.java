package io.jswarm.api.task;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.jswarm.api.json.ByteSizeDeserializer;

/**
 * A filesystem mounted into the container. {@code source} is a host path (bind), a volume name
 * (volume, empty for anonymous) or unused (tmpfs); {@code tmpfsSizeBytes} only for tmpfs.
 */
public record Mount(MountType type, String source, String target, boolean readOnly,
        @JsonDeserialize(using = ByteSizeDeserializer.class) Long tmpfsSizeBytes) {}
