package io.jswarm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Paths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DaemonAddressTest {

    @Test
    void defaultIsTheSocketInTheDefaultDataDir() {
        assertEquals(new DaemonAddress.UnixSocket(Paths.get("/var/lib/jswarm/jswarm.sock")), DaemonAddress.resolve(null, null, null));
    }

    @Test
    void dataDirOptionBeatsTheEnvironment() {
        assertEquals(new DaemonAddress.UnixSocket(Paths.get("/srv/a/jswarm.sock")), DaemonAddress.resolve(null, "/srv/a", "/srv/b"));
        assertEquals(new DaemonAddress.UnixSocket(Paths.get("/srv/b/jswarm.sock")), DaemonAddress.resolve(null, null, "/srv/b"));
    }

    @Test
    void hostOptionBeatsEverything() {
        assertEquals(new DaemonAddress.Tcp("127.0.0.11", 2377), DaemonAddress.resolve("tcp://127.0.0.11:2377", "/srv/a", "/srv/b"));
        assertEquals(new DaemonAddress.UnixSocket(Paths.get("/run/j.sock")), DaemonAddress.resolve("unix:///run/j.sock", null, null));
        assertEquals(new DaemonAddress.Tcp("::1", 2377), DaemonAddress.resolve("tcp://[::1]:2377", null, null));
        assertEquals("tcp://[::1]:2377", DaemonAddress.resolve("tcp://[::1]:2377", null, null).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1:2377", "tcp://host", "tcp://host:0", "tcp://host:70000", "unix://relative.sock", "http://x:1", "tcp://h:1/path"})
    void malformedHostsAreUsageErrorsNamingTheOption(String text) {
        CliException e = assertThrows(CliException.class, () -> DaemonAddress.resolve(text, null, null));
        assertEquals(ExitCodes.USAGE, e.exitCode());
        assertTrue(e.getMessage().startsWith("-H: expected unix:///"), e.getMessage());
    }
}
