package io.jswarm.testkit.hosts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy that adds a fixed latency to each direction, because this kernel has no {@code tc
 * netem}. A client that connects to {@link #address()} talks to the target through two
 * {@link DelayedPipe}s: client→target bytes wait {@code upstreamDelay}, target→client bytes wait
 * {@code downstreamDelay}, so a request/response round trip takes at least the sum.
 *
 * <p>Runs in the JVM (listening on loopback of the root namespace) or, through {@link #main} and
 * {@link Host#startDelayProxy}, as a process inside a host's namespace so daemons on the hosts can
 * use it.
 */
public final class DelayProxy implements AutoCloseable {
    /** The line {@link #main} prints once it accepts connections; {@link Host} waits for it. */
    static final String READY = "delay-proxy listening on ";
    private static final int CONNECT_TIMEOUT_MS = 5_000;

    private final ServerSocket server;
    private final InetSocketAddress target;
    private final long upNanos;
    private final long downNanos;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;

    private DelayProxy(ServerSocket server, InetSocketAddress target, Duration up, Duration down) {
        this.server = server;
        this.target = target;
        this.upNanos = up.toNanos();
        this.downNanos = down.toNanos();
        this.acceptor = new Thread(this::acceptLoop, "delay-proxy-" + server.getLocalPort());
        this.acceptor.setDaemon(true);
    }

    /** Listens on {@code listen} (port 0 picks a free port) and forwards to {@code target}. */
    public static DelayProxy start(InetSocketAddress listen, InetSocketAddress target, Duration upstreamDelay,
                                   Duration downstreamDelay) {
        if (upstreamDelay.isNegative() || downstreamDelay.isNegative()) {
            throw new IllegalArgumentException("delay: must not be negative, got up=" + upstreamDelay + " down=" + downstreamDelay);
        }
        try {
            ServerSocket s = new ServerSocket();
            s.setReuseAddress(true);
            s.bind(listen, 1024);
            DelayProxy p = new DelayProxy(s, target, upstreamDelay, downstreamDelay);
            p.acceptor.start();
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException("delay proxy cannot listen on " + listen, e);
        }
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(server.getInetAddress(), server.getLocalPort());
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            Thread t = new Thread(() -> connect(client), "delay-proxy-connect");
            t.setDaemon(true);
            t.start();
        }
    }

    private void connect(Socket client) {
        Socket upstream = new Socket();
        try {
            upstream.connect(target, CONNECT_TIMEOUT_MS);
            client.setTcpNoDelay(true);
            upstream.setTcpNoDelay(true);
        } catch (IOException e) {
            // The target is unreachable: the client sees its connection closed, as through a real hop.
            Endpoint.of(client).close();
            Endpoint.of(upstream).close();
            return;
        }
        open.add(client);
        open.add(upstream);
        DelayedPipe.relay(Endpoint.of(client), Endpoint.of(upstream), upNanos, downNanos, "delay-proxy-" + client.getPort(), () -> {
            open.remove(client);
            open.remove(upstream);
        });
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // closing is all we wanted
        }
        for (Socket s : open) {
            Endpoint.of(s).close();
        }
        open.clear();
    }

    /** {@code DelayProxy LISTEN_HOST LISTEN_PORT TARGET_HOST TARGET_PORT UP_MS DOWN_MS}; runs until killed. */
    public static void main(String[] args) throws InterruptedException {
        if (args.length != 6) {
            System.err.println("usage: DelayProxy LISTEN_HOST LISTEN_PORT TARGET_HOST TARGET_PORT UP_MS DOWN_MS");
            System.exit(2);
        }
        DelayProxy p;
        try {
            p = start(new InetSocketAddress(InetAddress.getByName(args[0]), Integer.parseInt(args[1])),
                    new InetSocketAddress(InetAddress.getByName(args[2]), Integer.parseInt(args[3])),
                    Duration.ofMillis(Long.parseLong(args[4])), Duration.ofMillis(Long.parseLong(args[5])));
        } catch (IOException | RuntimeException e) {
            System.err.println("delay-proxy: " + e.getMessage());
            System.exit(1);
            return;
        }
        System.out.println(READY + p.address().getAddress().getHostAddress() + ":" + p.address().getPort());
        System.out.flush();
        p.acceptor.join();
    }
}
