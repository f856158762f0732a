package io.jswarm.testkit.hosts;

import java.io.IOException;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * One side of a relayed byte stream: a TCP socket or a socket channel (TCP or Unix domain). Written
 * against the channel directly rather than through {@code Channels.newInputStream}, whose streams
 * share one lock on JDK 17, so a blocked read would stall the other direction's writes.
 */
interface Endpoint {
    /** Reads into {@code buf}; -1 at end of stream. */
    int read(byte[] buf) throws IOException;

    void write(byte[] data) throws IOException;

    /** Half-close: the peer sees end of stream, reading goes on. */
    void shutdownOutput() throws IOException;

    void close();

    static Endpoint of(Socket s) {
        return new Endpoint() {
            @Override
            public int read(byte[] buf) throws IOException {
                return s.getInputStream().read(buf);
            }

            @Override
            public void write(byte[] data) throws IOException {
                s.getOutputStream().write(data);
                s.getOutputStream().flush();
            }

            @Override
            public void shutdownOutput() throws IOException {
                s.shutdownOutput();
            }

            @Override
            public void close() {
                try {
                    s.close();
                } catch (IOException e) {
                    // closing is all we wanted
                }
            }
        };
    }

    static Endpoint of(SocketChannel ch) {
        return new Endpoint() {
            @Override
            public int read(byte[] buf) throws IOException {
                return ch.read(ByteBuffer.wrap(buf));
            }

            @Override
            public void write(byte[] data) throws IOException {
                ByteBuffer b = ByteBuffer.wrap(data);
                while (b.hasRemaining()) {
                    ch.write(b);
                }
            }

            @Override
            public void shutdownOutput() throws IOException {
                ch.shutdownOutput();
            }

            @Override
            public void close() {
                try {
                    ch.close();
                } catch (IOException e) {
                    // closing is all we wanted
                }
            }
        };
    }
}
