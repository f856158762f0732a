package io.jswarm.api.task;

import io.jswarm.api.Copies;
import java.util.List;

/** A network the task joins, with extra DNS aliases on it. */
public record NetworkAttachment(String target, List<String> aliases) {
    public NetworkAttachment {
        aliases = Copies.list(aliases);
    }
}
