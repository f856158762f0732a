package io.jswarm.testkit.hosts;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The half of a {@link PortForward} that runs as a process inside a host's network namespace. It
 * listens on a Unix domain socket, which lives in the file system and is therefore reachable from
 * the test JVM in the root namespace, reads one header line {@code "<ipv4> <port>\n"} per
 * connection, connects there over TCP from inside the namespace, and relays bytes both ways.
 */
public final class NetnsRelay {
    static final String READY = "netns-relay listening on ";
    private static final int MAX_HEADER = 64;
    private static final int CONNECT_TIMEOUT_MS = 5_000;

    private NetnsRelay() {}

    /** Reads the header byte by byte, so that no payload byte is consumed with it. */
    static InetSocketAddress readHeader(SocketChannel ch) throws IOException {
        StringBuilder line = new StringBuilder();
        ByteBuffer one = ByteBuffer.allocate(1);
        while (line.length() <= MAX_HEADER) {
            one.clear();
            if (ch.read(one) < 0) {
                throw new IOException("connection closed before the relay header");
            }
            char c = (char) one.get(0);
            if (c == '\n') {
                return parseHeader(line.toString());
            }
            line.append(c);
        }
        throw new IOException("relay header longer than " + MAX_HEADER + " bytes");
    }

    static InetSocketAddress parseHeader(String line) {
        String[] f = line.strip().split(" ");
        if (f.length != 2 || !f[0].matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            throw new IllegalArgumentException("relay header: expected '<ipv4> <port>', got '" + line + "'");
        }
        int port = Integer.parseInt(f[1]);
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("relay header: port must be 1..65535, got " + port);
        }
        return new InetSocketAddress(f[0], port);
    }

    static byte[] header(String host, int port) {
        return (host + " " + port + "\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** {@code NetnsRelay SOCKET_PATH}; runs until killed. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: NetnsRelay SOCKET_PATH");
            System.exit(2);
        }
        Path path = Path.of(args[0]);
        Files.deleteIfExists(path);
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(path));
        System.out.println(READY + path);
        System.out.flush();
        while (true) {
            SocketChannel client = server.accept();
            Thread t = new Thread(() -> serve(client), "netns-relay-connect");
            t.setDaemon(true);
            t.start();
        }
    }

    private static void serve(SocketChannel client) {
        Socket upstream = new Socket();
        try {
            InetSocketAddress target = readHeader(client);
            upstream.connect(target, CONNECT_TIMEOUT_MS);
            upstream.setTcpNoDelay(true);
        } catch (IOException | RuntimeException e) {
            // Unreachable target or bad header: the caller sees its connection closed, as a client
            // of an unreachable service would.
            Endpoint.of(client).close();
            Endpoint.of(upstream).close();
            return;
        }
        DelayedPipe.relay(Endpoint.of(client), Endpoint.of(upstream), 0, 0, "netns-relay", () -> { });
    }
}
