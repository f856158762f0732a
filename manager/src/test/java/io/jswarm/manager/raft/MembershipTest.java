package io.jswarm.manager.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MembershipTest {
    private static final List<RaftPeerAddress> THREE = List.of(
            new RaftPeerAddress("a", "h:1"), new RaftPeerAddress("b", "h:2"), new RaftPeerAddress("c", "h:3"));

    @Test
    void removingADeadMemberOfThreeWithTwoUpIsSafe() {
        assertEquals(Optional.empty(), Membership.refuseRemoval(THREE, Set.of("a", "b"), "c"));
    }

    @Test
    void aRemovalThatLeavesTooFewReachableManagersIsRefused() {
        // c is up but b is down: {a, b} would need both.
        String why = Membership.refuseRemoval(THREE, Set.of("a", "c"), "c").orElseThrow();
        assertTrue(why.contains("lose quorum: only 1 of the 2 remaining managers are reachable, 2 are needed"), why);
    }

    @Test
    void theLastManagerIsNeverRemovedAndNonMembersAreNoConcern() {
        assertEquals(Optional.of("it is the last manager"),
                Membership.refuseRemoval(List.of(new RaftPeerAddress("a", "h:1")), Set.of("a"), "a"));
        assertEquals(Optional.empty(), Membership.refuseRemoval(THREE, Set.of(), "worker-1"));
    }
}
