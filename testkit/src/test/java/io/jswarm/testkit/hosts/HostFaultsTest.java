package io.jswarm.testkit.hosts;

import io.jswarm.testkit.Await;
import io.jswarm.testkit.hosts.Probe.Kind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Real hosts in network namespaces and every fault the harness offers, checked from the hosts
 * themselves with application-level probes. One run of four hosts serves the class (creating it
 * takes tens of milliseconds; the probes dominate); hosts 1-3 run a "pong" server, host 4 runs
 * nothing so its data dir can be limited. Every test heals all faults afterwards.
 */
class HostFaultsTest {
    private static final int PONG = 7000;
    private static final Duration SETTLE = Duration.ofSeconds(10);
    private static Hosts hosts;
    private static Host a;
    private static Host b;
    private static Host c;

    @BeforeAll
    static void createHosts() {
        String reason = Hosts.unavailableReason().orElse(null);
        assumeTrue(reason == null, reason);
        assumeTrue(Files.isExecutable(Path.of(Probe.BUSYBOX)), "busybox-static is missing: run bin/install-deps --test");
        Hosts.cleanupLeftovers(Hosts.DEFAULT_PREFIX);
        hosts = Hosts.create(4);
        a = hosts.host(1);
        b = hosts.host(2);
        c = hosts.host(3);
        for (Host h : List.of(a, b, c)) {
            Probe.pongServer(h, PONG);
        }
        for (Host h : List.of(a, b, c)) {
            awaitReach(h, h == a ? b : a);
        }
    }

    @AfterEach
    void heal() {
        if (hosts != null) {
            hosts.healAll();
        }
    }

    @AfterAll
    static void removeHosts() {
        if (hosts != null) {
            hosts.close();
        }
    }

    @Test
    void everyHostReachesEveryOtherOverTcp() {
        assertEquals(4, hosts.hosts().stream().map(Host::address).distinct().count(), "addresses are distinct");
        for (Host from : List.of(a, b, c)) {
            for (Host to : List.of(a, b, c)) {
                if (from != to) {
                    assertEquals(Kind.ANSWERED, Probe.ask(from, to.address(), PONG).kind(), from + " -> " + to);
                }
            }
        }
    }

    @Test
    void hostsHaveOnlyTheirSubnetRouteSoNothingLeavesTheMachine() {
        ExecResult routes = a.exec(SETTLE, "ip", "-4", "route", "show");
        assertEquals(List.of(hosts.subnet().cidr()), routes.output().lines().map(l -> l.split(" ")[0]).toList(),
                "routes inside " + a + ": " + routes.output());
        Probe.Outcome out = Probe.ask(a, "192.0.2.1", 80); // TEST-NET-1: never a real machine
        assertTrue(out.output().contains("unreachable"), "no way off the bridge: " + out);
    }

    @Test
    void isolatedHostIsSilentlyCutOffAndHealingRestoresIt() {
        a.isolate();
        Probe.Outcome in = Probe.ask(b, a.address(), PONG);
        assertEquals(Kind.FAILED, in.kind(), "b -> isolated a: " + in);
        assertTrue(in.output().contains("timed out") || in.millis() >= 900,
                "a silent partition times out rather than being refused: " + in);
        assertEquals(Kind.FAILED, Probe.kind(a, c, PONG), "isolated a -> c");
        assertEquals(Kind.ANSWERED, Probe.ask(a, "127.0.0.1", PONG).kind(), "loopback inside a still works");
        assertEquals(Kind.ANSWERED, Probe.kind(b, c, PONG), "b -> c unaffected");

        a.heal();
        awaitReach(b, a);
        awaitReach(a, c);
    }

    @Test
    void partialPartitionCutsOnlyTheNamedPairInBothDirections() {
        hosts.partition(a, c);
        assertEquals(Kind.FAILED, Probe.kind(a, c, PONG), "a -> c");
        assertEquals(Kind.FAILED, Probe.kind(c, a, PONG), "c -> a");
        assertEquals(Kind.ANSWERED, Probe.kind(b, a, PONG), "b -> a");
        assertEquals(Kind.ANSWERED, Probe.kind(b, c, PONG), "b -> c");
        assertEquals(Kind.ANSWERED, Probe.kind(a, b, PONG), "a -> b");
        assertEquals(Kind.ANSWERED, Probe.kind(c, b, PONG), "c -> b");

        c.heal(); // heals both sides of every partition involving c
        awaitReach(a, c);
        awaitReach(c, a);
    }

    @Test
    void linkDownCutsTheHostAndLinkUpRestoresIt() {
        a.linkDown();
        Probe.Outcome out = Probe.ask(a, b.address(), PONG);
        assertEquals(Kind.FAILED, out.kind(), "a with its link down -> b: " + out);
        assertTrue(out.output().contains("unreachable"), "no route while the link is down: " + out);
        assertEquals(Kind.FAILED, Probe.kind(b, a, PONG), "b -> a with a's link down");

        a.linkUp();
        awaitReach(a, b);
        awaitReach(b, a);
    }

    @Test
    void fullPacketLossDropsEverythingAndZeroLossNothing() {
        a.packetLoss(100);
        assertEquals(Kind.FAILED, Probe.kind(b, a, PONG), "b -> a at 100% loss");
        assertEquals(Kind.FAILED, Probe.kind(a, b, PONG), "a -> b at 100% loss");
        assertEquals(Kind.ANSWERED, Probe.ask(a, "127.0.0.1", PONG).kind(), "loopback is exempt from loss");

        a.packetLoss(0);
        for (int i = 0; i < 5; i++) {
            assertEquals(Kind.ANSWERED, Probe.kind(b, a, PONG), "b -> a at 0% loss, try " + i);
        }
        assertThrows(IllegalArgumentException.class, () -> a.packetLoss(101));
    }

    @Test
    void stoppedProcessStillCompletesHandshakesButAnswersNothingUntilContinued() {
        int port = 7100;
        HostProcess server = Probe.pongServer(b, port);
        assertEquals(server.pid(), server.processGroup());
        Await.until("pong server on " + b + ":" + port, SETTLE, () -> Probe.ask(a, b.address(), port).kind() == Kind.ANSWERED);

        server.stop();
        Await.until("server stopped", SETTLE, server::isStopped);
        assertTrue(server.isAlive(), "a stopped process is alive");
        Probe.Outcome stopped = Probe.ask(a, b.address(), port);
        assertEquals(Kind.SILENT, stopped.kind(), "the kernel accepts the connection, the application is silent: " + stopped);

        server.cont();
        Await.until("server answers after SIGCONT", SETTLE, () -> Probe.ask(a, b.address(), port).kind() == Kind.ANSWERED);

        assertEquals(137, server.kill9(), "exit code after SIGKILL");
        assertFalse(server.isAlive());
        assertEquals(137, server.exitCode().orElseThrow());
        Probe.Outcome killed = Probe.ask(a, b.address(), port);
        assertEquals(Kind.FAILED, killed.kind(), "nothing listens after kill -9: " + killed);
        assertTrue(killed.output().contains("refused"), "a dead process is refused at once: " + killed);
    }

    @Test
    void terminateEndsEvenAStoppedProcessWithSigterm() {
        HostProcess sleeper = b.start(List.of(Probe.BUSYBOX, "sleep", "300"), Map.of(), b.logFile("sleeper"));
        sleeper.stop();
        Await.until("sleeper stopped", SETTLE, sleeper::isStopped);
        assertEquals(143, sleeper.terminate(Duration.ofSeconds(5)), "128 + SIGTERM");
    }

    @Test
    void processesRunInsideTheirHostsNamespaceWithTheGivenEnvironment() throws IOException {
        HostProcess p = c.start(List.of("sh", "-c", "echo \"$JSWARM_TEST_VALUE\"; ip -o -4 addr show eth0; ls /sys/fs/cgroup"),
                Map.of("JSWARM_TEST_VALUE", "v-" + c.name()), c.logFile("env"));
        assertEquals(0, p.waitFor(SETTLE).orElseThrow(), p.log());
        String log = Files.readString(p.logFile());
        assertTrue(log.contains("v-" + c.name()), log);
        assertTrue(log.contains(c.address() + "/24"), "sees its own eth0: " + log);
        String cgroupEntry = Cgroups.hierarchies().get(0).getFileName().toString();
        assertTrue(log.contains(cgroupEntry), "sees the machine's cgroup hierarchies (" + cgroupEntry + "), as a daemon must: " + log);
        assertNotEquals(a.cgroupParent(), c.cgroupParent());
        assertNotEquals(a.bridgeSuffix(), c.bridgeSuffix());
        assertNotEquals(a.dataDir(), c.dataDir());
    }

    @Test
    void limitedDataDirRunsOutOfSpaceAndRecoversWhenBallastIsFreed() throws IOException {
        Host d = hosts.host(4);
        d.limitDataDir(1024 * 1024);
        Path big = d.dataDir().resolve("big");
        IOException full = assertThrows(IOException.class, () -> writeZeros(big, 2 * 1024 * 1024));
        assertTrue(String.valueOf(full.getMessage()).contains("No space left on device"), full.toString());
        Files.delete(big);

        d.fillDataDir();
        assertThrows(IOException.class, () -> writeZeros(d.dataDir().resolve("small"), 4096));
        d.freeDataDir();
        writeZeros(d.dataDir().resolve("small"), 4096);
        assertThrows(IllegalStateException.class, () -> d.limitDataDir(4096), "limiting twice is refused");
    }

    @Test
    void delayProxyOnAHostAddsAtLeastTheConfiguredLatencyToARoundTrip() {
        int echoPort = 7200;
        int proxyPort = 9000;
        Duration delay = Duration.ofMillis(150);
        Probe.echoServer(b, echoPort);
        Await.until("echo server on " + b, SETTLE, () -> Probe.echo(c, b.address(), echoPort).kind() == Kind.ANSWERED);
        Probe.Outcome direct = Probe.echo(c, b.address(), echoPort);

        a.startDelayProxy(a.address(), proxyPort, b.address(), echoPort, delay);
        Probe.Outcome proxied = Probe.echo(c, a.address(), proxyPort);

        assertEquals(Kind.ANSWERED, proxied.kind(), "echo through the proxy: " + proxied);
        // Request waits `delay` on the way up and the reply `delay` on the way down; only a lower bound is asserted.
        assertTrue(proxied.millis() >= 2 * delay.toMillis(),
                "round trip through the proxy " + proxied.millis() + " ms, direct " + direct.millis() + " ms");
    }

    @Test
    void forwardLetsTheTestJvmTalkToServicesInsideHosts() throws IOException {
        int echoPort = 7300;
        Probe.echoServer(b, echoPort);
        PortForward toB = b.forward(echoPort);
        Await.until("echo through the forward", SETTLE, () -> echoThrough(toB), "ping\n"::equals);

        byte[] big = new byte[512 * 1024];
        new java.util.Random(5).nextBytes(big);
        try (Socket s = new Socket(toB.address().getAddress(), toB.address().getPort())) {
            Thread writer = new Thread(() -> {
                try {
                    s.getOutputStream().write(big);
                    s.shutdownOutput();
                } catch (IOException e) {
                    // the comparison below reports it
                }
            });
            writer.start();
            org.junit.jupiter.api.Assertions.assertArrayEquals(big, s.getInputStream().readAllBytes());
        }

        PortForward aToB = a.forward(b.address(), PONG);
        assertEquals("pong\n", readAll(aToB), "from a's console to b");
        b.isolate();
        assertEquals("ping\n", echoThrough(toB), "b's own console still reaches b's service while b is isolated");
    }

    private static String echoThrough(PortForward f) throws IOException {
        try (Socket s = new Socket(f.address().getAddress(), f.address().getPort())) {
            s.setSoTimeout(5000);
            s.getOutputStream().write("ping\n".getBytes(StandardCharsets.US_ASCII));
            s.shutdownOutput();
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    private static String readAll(PortForward f) throws IOException {
        try (Socket s = new Socket(f.address().getAddress(), f.address().getPort())) {
            s.setSoTimeout(5000);
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    private static void awaitReach(Host from, Host to) {
        Await.until(from + " reaching " + to, SETTLE, () -> Probe.ask(from, to.address(), PONG), o -> o.kind() == Kind.ANSWERED);
    }

    private static void writeZeros(Path file, int bytes) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] block = new byte[64 * 1024];
            for (int written = 0; written < bytes; written += block.length) {
                out.write(block);
            }
        }
    }
}
