package io.jswarm.testkit.hosts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lets the test JVM, which sits in the root namespace with no route to the hosts' subnet, open TCP
 * connections to a service inside a host: a listener on 127.0.0.1 (root namespace) whose every
 * connection goes over a Unix socket to the host's {@link NetnsRelay}, which connects to the target
 * from inside the namespace. The test stands at the host's console: a forward to the host's own
 * address keeps working while the host is partitioned, one to another host's address does not.
 */
public final class PortForward implements AutoCloseable {
    private final ServerSocket server;
    private final Path relaySocket;
    private final String targetHost;
    private final int targetPort;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();

    private PortForward(ServerSocket server, Path relaySocket, String targetHost, int targetPort) {
        this.server = server;
        this.relaySocket = relaySocket;
        this.targetHost = targetHost;
        this.targetPort = targetPort;
    }

    static PortForward start(Path relaySocket, String targetHost, int targetPort) {
        NetnsRelay.parseHeader(targetHost + " " + targetPort); // refuse bad input here, not per connection
        try {
            ServerSocket s = new ServerSocket(0, 256, InetAddress.getLoopbackAddress());
            PortForward f = new PortForward(s, relaySocket, targetHost, targetPort);
            Thread acceptor = new Thread(f::acceptLoop, "port-forward-" + s.getLocalPort());
            acceptor.setDaemon(true);
            acceptor.start();
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on loopback for a port forward", e);
        }
    }

    /** Connect here (127.0.0.1:ephemeral) to reach the target inside the host. */
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
            open.add(client);
            SocketChannel relay;
            try {
                client.setTcpNoDelay(true);
                relay = SocketChannel.open(StandardProtocolFamily.UNIX);
                relay.connect(UnixDomainSocketAddress.of(relaySocket));
                relay.write(ByteBuffer.wrap(NetnsRelay.header(targetHost, targetPort)));
            } catch (IOException e) {
                Endpoint.of(client).close();
                open.remove(client);
                continue;
            }
            DelayedPipe.relay(Endpoint.of(client), Endpoint.of(relay), 0, 0, "port-forward-" + client.getPort(),
                    () -> open.remove(client));
        }
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
}
