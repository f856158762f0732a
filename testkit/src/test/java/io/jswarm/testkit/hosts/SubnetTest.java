package io.jswarm.testkit.hosts;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SubnetTest {
    @Test
    void hostAddressesAreInsideTheSubnetAndDistinct() {
        Subnet s = new Subnet(77, 5);
        assertEquals("10.77.5.0/24", s.cidr());
        assertEquals("10.77.5.11", s.address(1));
        assertEquals("10.77.5.210", s.address(RunNames.MAX_HOSTS));
        assertThrows(IllegalArgumentException.class, () -> s.address(0));
    }

    @Test
    void overlapIsDecidedOnTheShorterPrefix() {
        Subnet s = new Subnet(77, 5);
        assertTrue(s.overlaps("10.0.0.0/8"));
        assertTrue(s.overlaps("10.77.0.0/16"));
        assertTrue(s.overlaps("10.77.5.200/32"));
        assertTrue(s.overlaps("10.77.5.1/24"));
        assertTrue(s.overlaps("0.0.0.0/0"));
        assertFalse(s.overlaps("10.77.6.0/24"));
        assertFalse(s.overlaps("192.168.1.0/24"));
        assertFalse(s.overlaps("10.78.0.0/16"));
    }

    @Test
    void chosenSubnetAvoidsEveryNetworkTheMachineUses() {
        List<String> inUse = new ArrayList<>(List.of("127.0.0.1/8", "192.168.0.5/24"));
        for (int a = 64; a <= 254; a++) {
            if (a != 200) {
                inUse.add("10." + a + ".0.0/16");
            }
        }
        Subnet s = Subnet.choose(new Random(1), inUse);
        assertEquals(200, s.a(), "the only free /16 left");
        assertThrows(HostsException.class, () -> Subnet.choose(new Random(1), List.of("10.0.0.0/8")));
    }
}
