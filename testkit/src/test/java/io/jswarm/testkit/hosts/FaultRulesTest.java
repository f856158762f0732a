package io.jswarm.testkit.hosts;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rendered rules; that the kernel accepts and enforces them is HostFaultsTest's job. */
class FaultRulesTest {
    @Test
    void isolationDropsAllButLoopbackInBothDirectionsAndReplacesTheTableAtomically() {
        String s = FaultRules.isolate();
        assertTrue(s.startsWith("add table inet jswarm_fault\ndelete table inet jswarm_fault\n"), s);
        assertTrue(s.contains("hook input") && s.contains("iif != \"lo\" drop"), s);
        assertTrue(s.contains("hook output") && s.contains("oif != \"lo\" drop"), s);
    }

    @Test
    void peerBlockNamesOnlyThePeers() {
        String s = FaultRules.blockPeers(List.of("10.1.2.13", "10.1.2.11"));
        assertTrue(s.contains("ip saddr { 10.1.2.11, 10.1.2.13 } drop"), s);
        assertTrue(s.contains("ip daddr { 10.1.2.11, 10.1.2.13 } drop"), s);
        assertFalse(s.contains("iif != \"lo\" drop"), s);
        assertThrows(IllegalArgumentException.class, () -> FaultRules.blockPeers(List.of()));
    }

    @Test
    void lossUsesItsOwnTableAndAnUnconditionalDropAtOneHundredPercent() {
        assertTrue(FaultRules.loss(30).contains("table inet jswarm_loss"));
        assertTrue(FaultRules.loss(30).contains("numgen random mod 100 < 30 drop"));
        assertTrue(FaultRules.loss(100).contains("iif != \"lo\" drop"));
        assertFalse(FaultRules.loss(100).contains("numgen"), "nft refuses 'mod 100 < 100'");
        assertThrows(IllegalArgumentException.class, () -> FaultRules.loss(0));
        assertThrows(IllegalArgumentException.class, () -> FaultRules.loss(101));
    }
}
