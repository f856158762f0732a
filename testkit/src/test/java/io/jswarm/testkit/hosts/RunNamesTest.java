package io.jswarm.testkit.hosts;

import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunNamesTest {
    @Test
    void everyInterfaceNameFitsTheKernelLimitEvenForTheLongestPrefixAndHostIndex() {
        RunNames n = new RunNames("abcdef", "zz99");
        for (int i : new int[] {1, 99, RunNames.MAX_HOSTS}) {
            for (String name : new String[] {n.hostVeth(i), n.peerVeth(i), n.bridge()}) {
                assertTrue(name.length() <= RunNames.MAX_IFNAME, name + " is " + name.length() + " chars");
            }
        }
    }

    @Test
    void everyNameCarriesTheRunPrefixAndIsRecognisedAsThisRun() {
        RunNames n = RunNames.random("jswt", new Random(7));
        for (String name : new String[] {n.bridge(), n.netns(3), n.hostVeth(3), n.peerVeth(3), n.cgroupParent(3)}) {
            assertEquals(Optional.of(n.runPrefix()), RunNames.runPrefixOf(name, "jswt"), name);
        }
        assertEquals(Optional.of(n.runPrefix()), RunNames.runPrefixOf(n.runPrefix(), "jswt"));
    }

    @Test
    void namesOfOtherFamiliesOrShapesAreNotRecognised() {
        assertEquals(Optional.empty(), RunNames.runPrefixOf("eth0", "jswt"));
        assertEquals(Optional.empty(), RunNames.runPrefixOf("jswt", "jswt"));
        assertEquals(Optional.empty(), RunNames.runPrefixOf("jswtab", "jswt"));
        assertEquals(Optional.empty(), RunNames.runPrefixOf("jswtabcde-n1", "jswt"), "run id longer than four");
        assertEquals(Optional.empty(), RunNames.runPrefixOf("jswtAB12-n1", "jswt"), "upper case is never generated");
        assertEquals(Optional.empty(), RunNames.runPrefixOf("xjswtab12-n1", "jswt"));
    }

    @Test
    void hostsGetDistinctCgroupParentsAndBridgeSuffixes() {
        RunNames n = new RunNames("jswt", "ab12");
        assertNotEquals(n.cgroupParent(1), n.cgroupParent(2));
        assertNotEquals(n.bridgeSuffix(1), n.bridgeSuffix(2));
        assertNotEquals(new RunNames("jswt", "ab13").bridgeSuffix(1), n.bridgeSuffix(1), "distinct per run");
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new RunNames("JSWT", "ab12"));
        assertTrue(e.getMessage().startsWith("familyPrefix:"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new RunNames("jswt", "a/12"));
        assertTrue(e.getMessage().startsWith("runId:"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new RunNames("jswt", "ab12").netns(0));
        assertTrue(e.getMessage().startsWith("host index:"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new RunNames("jswt", "ab12").hostVeth(RunNames.MAX_HOSTS + 1));
    }
}
