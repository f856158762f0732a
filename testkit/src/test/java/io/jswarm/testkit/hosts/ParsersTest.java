package io.jswarm.testkit.hosts;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ParsersTest {
    @Test
    void procStatFieldsAreCountedFromTheLastParenthesis() {
        String stat = "4242 (we ird) name) T 1 4242 4242 0 -1 4194560 100 0 0 0 1 2 0 0 20 0 1 0 987654 1000 10";
        assertEquals('T', ProcStat.state(stat));
        assertEquals(987654L, ProcStat.startTime(stat));
    }

    @Test
    void relayHeaderIsParsedAndBadHeadersAreRefusedNamingTheProblem() {
        assertEquals(new java.net.InetSocketAddress("10.1.2.3", 80), NetnsRelay.parseHeader("10.1.2.3 80"));
        for (String bad : List.of("10.1.2.3", "example.com 80", "10.1.2.3 0", "10.1.2.3 65536", "")) {
            IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> NetnsRelay.parseHeader(bad));
            org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().startsWith("relay header:"), e.getMessage());
        }
    }

    @Test
    void procMountsUnescapesOctalSpaces() {
        List<Mounts.Mount> m = Mounts.parse("jswtab12-data1 /tmp/a\\040b tmpfs rw,size=1024k 0 0\nproc /proc proc rw 0 0\n");
        assertEquals(new Mounts.Mount("jswtab12-data1", Path.of("/tmp/a b"), "tmpfs"), m.get(0));
        assertEquals(2, m.size());
    }
}
