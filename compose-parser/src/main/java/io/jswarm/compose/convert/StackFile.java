package io.jswarm.compose.convert;

import io.jswarm.api.Copies;
import io.jswarm.compose.model.FileContent;
import java.util.Map;

/** A secret or config of the stack, with its content (null when {@code external}). */
public record StackFile(String key, String name, boolean external, FileContent data, Map<String, String> labels) {
    public StackFile {
        labels = Copies.map(labels);
    }
}
