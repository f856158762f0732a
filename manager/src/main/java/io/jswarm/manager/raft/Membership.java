package io.jswarm.manager.raft;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Whether removing a manager from the Raft voters is safe: pure, so the rules are tested
 * without a cluster. A removal is refused when it would leave no manager, or when the managers
 * that remain reachable would not be a majority of the new configuration (the cluster would
 * stop accepting writes).
 */
public final class Membership {
    private Membership() {}

    /** Why removing {@code target} is refused, or empty when it is safe. */
    public static Optional<String> refuseRemoval(List<RaftPeerAddress> voters, Set<String> reachable, String target) {
        List<String> remaining = new ArrayList<>();
        boolean present = false;
        for (RaftPeerAddress v : voters) {
            if (v.id().equals(target)) {
                present = true;
            } else {
                remaining.add(v.id());
            }
        }
        if (!present) {
            return Optional.empty();
        }
        if (remaining.isEmpty()) {
            return Optional.of("it is the last manager");
        }
        long up = remaining.stream().filter(reachable::contains).count();
        int quorum = remaining.size() / 2 + 1;
        if (up < quorum) {
            return Optional.of("it would lose quorum: only " + up + " of the " + remaining.size()
                    + " remaining managers are reachable, " + quorum + " are needed");
        }
        return Optional.empty();
    }
}
