package io.jswarm.testkit.hosts;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The proxy in the JVM on 127.0.0.1, against an echo server; no root needed. */
class DelayProxyTest {
    private ServerSocket echo;
    private Thread echoThread;

    @BeforeEach
    void startEcho() throws IOException {
        echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        echoThread = new Thread(() -> {
            while (!echo.isClosed()) {
                try {
                    Socket s = echo.accept();
                    Thread t = new Thread(() -> {
                        try (s) {
                            s.getInputStream().transferTo(s.getOutputStream());
                        } catch (IOException e) {
                            // client went away
                        }
                    });
                    t.setDaemon(true);
                    t.start();
                } catch (IOException e) {
                    return;
                }
            }
        });
        echoThread.setDaemon(true);
        echoThread.start();
    }

    @AfterEach
    void stopEcho() throws IOException {
        echo.close();
    }

    @Test
    void roundTripTakesAtLeastBothDirectionsDelays() throws IOException {
        Duration up = Duration.ofMillis(120);
        Duration down = Duration.ofMillis(80);
        try (DelayProxy proxy = DelayProxy.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                (InetSocketAddress) echo.getLocalSocketAddress(), up, down);
             Socket s = new Socket(proxy.address().getAddress(), proxy.address().getPort())) {
            for (int round = 0; round < 2; round++) {
                long t0 = System.nanoTime();
                s.getOutputStream().write("ping\n".getBytes());
                byte[] reply = s.getInputStream().readNBytes(5);
                long ms = (System.nanoTime() - t0) / 1_000_000;
                assertEquals("ping\n", new String(reply));
                assertTrue(ms >= up.toMillis() + down.toMillis(), "round trip " + ms + " ms");
            }
        }
    }

    @Test
    void bytesArriveIntactAndInOrderAndHalfCloseIsPassedOn() throws IOException {
        byte[] payload = new byte[3 * 1024 * 1024 + 17]; // several times the proxy's queue bound
        new Random(3).nextBytes(payload);
        try (DelayProxy proxy = DelayProxy.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                (InetSocketAddress) echo.getLocalSocketAddress(), Duration.ofMillis(5), Duration.ofMillis(5));
             Socket s = new Socket(proxy.address().getAddress(), proxy.address().getPort())) {
            Thread writer = new Thread(() -> {
                try {
                    OutputStream out = s.getOutputStream();
                    out.write(payload);
                    s.shutdownOutput();
                } catch (IOException e) {
                    // the assertion on the bytes read reports it
                }
            });
            writer.start();
            InputStream in = s.getInputStream();
            byte[] got = in.readAllBytes(); // ends only if the echo server's close came back through the proxy
            assertEquals(payload.length, got.length);
            assertArrayEquals(payload, got, "first difference at " + Arrays.mismatch(payload, got));
        }
    }

    @Test
    void releaseTimesNeverReorderChunks() {
        assertEquals(150, DelayedPipe.releaseAt(100, 50, 0));
        assertEquals(300, DelayedPipe.releaseAt(120, 50, 300), "a chunk never overtakes the one before it");
    }

    @Test
    void negativeDelayIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DelayProxy.start(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), new InetSocketAddress(InetAddress.getLoopbackAddress(), 1),
                Duration.ofMillis(-1), Duration.ZERO));
        assertTrue(e.getMessage().startsWith("delay:"), e.getMessage());
    }
}
