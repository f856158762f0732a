package io.jswarm.manager.store;

import io.jswarm.api.Copies;
import java.util.List;

/**
 * The mutations of one {@code update}: applied all together or not at all. Several changes from
 * different writers may share one log entry (group commit) and still succeed or fail one by one.
 */
public record Change(List<Mutation> mutations) {
    public Change {
        mutations = Copies.list(mutations);
    }
}
