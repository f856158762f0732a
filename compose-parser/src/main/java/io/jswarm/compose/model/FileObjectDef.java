package io.jswarm.compose.model;

import io.jswarm.api.Copies;
import java.util.Map;

/**
 * A top-level secret or config: external (by {@code name}), or its content from {@code file}
 * (absolute path), from the environment variable {@code environment}, or inline ({@code content},
 * configs only). {@code data} holds the bytes read at load time, null when external.
 */
public record FileObjectDef(String key, String name, boolean external, String file, String environment,
        FileContent data, Map<String, String> labels) {
    public FileObjectDef {
        labels = Copies.map(labels);
    }
}
