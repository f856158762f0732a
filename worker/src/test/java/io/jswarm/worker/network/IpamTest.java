package io.jswarm.worker.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jswarm.api.service.PortConfig;
import io.jswarm.api.service.Protocol;
import io.jswarm.api.service.PublishMode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IpamTest {
    @Test
    void cidrParsingAndValidation() {
        Ipv4Cidr c = Ipv4Cidr.parse("10.88.3.0/24");
        assertEquals("10.88.3.1", c.gateway());
        assertEquals(254, c.size());
        assertTrue(c.contains(Ipv4Cidr.parseAddress("10.88.3.200")));
        assertThrows(IllegalArgumentException.class, () -> Ipv4Cidr.parse("10.88.3.1/24"));
        assertThrows(IllegalArgumentException.class, () -> Ipv4Cidr.parse("10.88.3.0"));
        assertThrows(IllegalArgumentException.class, () -> Ipv4Cidr.parse("10.300.3.0/24"));
    }

    @Test
    void allocatesDistinctAddressesSkippingTheGatewayAndIsStablePerOwner() {
        Ipam ipam = new Ipam(Ipv4Cidr.parse("10.1.0.0/29")); // 6 hosts: .1 gateway, .2-.6 for containers
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            seen.add(ipam.allocate("c" + i));
        }
        assertEquals(Set.of("10.1.0.2", "10.1.0.3", "10.1.0.4", "10.1.0.5", "10.1.0.6"), seen);
        assertEquals(ipam.allocate("c0"), ipam.addressOf("c0").orElseThrow());
        assertThrows(IllegalStateException.class, () -> ipam.allocate("c5"));
        ipam.release("c2");
        assertEquals("10.1.0.4", ipam.allocate("c5"));
    }

    @Test
    void freedAddressIsNotReusedImmediately() {
        Ipam ipam = new Ipam(Ipv4Cidr.parse("10.1.0.0/24"));
        String a = ipam.allocate("a");
        ipam.release("a");
        assertTrue(!ipam.allocate("b").equals(a));
    }

    @Test
    void restoredAddressesAreNotHandedOutAgain() {
        Ipam ipam = new Ipam(Ipv4Cidr.parse("10.1.0.0/24"));
        ipam.restore("old", "10.1.0.2");
        assertEquals("10.1.0.3", ipam.allocate("new"));
        assertThrows(IllegalStateException.class, () -> ipam.restore("other", "10.1.0.2"));
        assertThrows(IllegalArgumentException.class, () -> ipam.restore("x", "10.1.0.1"));
    }

    @Test
    void publishedPortsBecomeTaggedDnatRules() {
        BridgeConfig c = BridgeConfig.forNode("n1", "jsw0", Ipv4Cidr.parse("10.1.0.0/24"));
        String rules = NftRules.publish(c, "c1", "10.1.0.2", List.of(
                new PortConfig(null, Protocol.TCP, 80, 8080, PublishMode.HOST),
                new PortConfig(null, Protocol.UDP, 53, 5353, PublishMode.HOST)));
        assertTrue(rules.contains("add rule ip jswarm-n1 prerouting fib daddr type local tcp dport 8080 dnat to 10.1.0.2:80 comment \"c1\""));
        assertTrue(rules.contains("add rule ip jswarm-n1 output fib daddr type local udp dport 5353 dnat to 10.1.0.2:53 comment \"c1\""));
        assertTrue(NftRules.table(c).contains("ip saddr 10.1.0.0/24 oifname != \"jsw0\" masquerade"));
        assertEquals(List.of(7L, 9L), NftRules.handlesFor("""
                chain output { # handle 2
                    fib daddr type local tcp dport 8080 dnat to 10.1.0.2:80 comment "c1" # handle 7
                    fib daddr type local tcp dport 8081 dnat to 10.1.0.3:80 comment "c10" # handle 8
                    fib daddr type local udp dport 5353 dnat to 10.1.0.2:53 comment "c1" # handle 9
                }
                """, "c1"));
    }

    @Test
    void theHolderOfAPublishedPortIsFoundInTheListing() {
        String listing = """
                chain prerouting {
                    fib daddr type local tcp dport 8080 dnat to 10.1.0.2:80 comment "c1"
                    fib daddr type local udp dport 53 dnat to 10.1.0.3:53 comment "c2"
                }
                """;
        assertEquals("c1", NftRules.holderOf(listing, "tcp", 8080).orElseThrow());
        assertTrue(NftRules.holderOf(listing, "udp", 8080).isEmpty());
        assertTrue(NftRules.holderOf(listing, "tcp", 808).isEmpty());
        assertEquals("c2", NftRules.holderOf(listing, "udp", 53).orElseThrow());
    }

    @Test
    void vethNamesFitTheKernelLimitAndDiffer() {
        BridgeConfig c = BridgeConfig.forNode("n1", "jsw0", Ipv4Cidr.parse("10.1.0.0/24"));
        String a = c.hostVeth("a-very-long-container-identifier-0001");
        assertTrue(a.length() <= 15, a);
        assertTrue(!a.equals(c.hostVeth("a-very-long-container-identifier-0002")));
        assertThrows(IllegalArgumentException.class, () -> BridgeConfig.forNode("n1", "a-bridge-name-too-long", Ipv4Cidr.parse("10.1.0.0/24")));
    }
}
