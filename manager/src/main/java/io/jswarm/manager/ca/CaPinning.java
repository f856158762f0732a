package io.jswarm.manager.ca;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The joiner's first step: a TLS handshake with the manager that sends no application data,
 * only to see the certificate chain it presents. The chain's root must hash to the digest in the
 * token and must have signed the manager's certificate; only then does the joiner send its
 * secret, over a connection that trusts that root alone.
 */
public final class CaPinning {
    private CaPinning() {}

    /** Returns the cluster root CA the manager at {@code host:port} presents, checked against {@code expectedDigest}. */
    public static X509Certificate fetchPinnedCa(String host, int port, String expectedDigest, int timeoutMillis)
            throws IOException {
        Certificate[] chain;
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            // Accepts any chain on purpose: nothing is sent over this connection, and the chain
            // is judged below against the pinned digest instead of a trust store.
            ctx.init(null, new TrustManager[] {new RecordingTrustManager()}, null);
            try (SSLSocket socket = (SSLSocket) ctx.getSocketFactory().createSocket()) {
                socket.connect(new InetSocketAddress(host, port), timeoutMillis);
                socket.setSoTimeout(timeoutMillis);
                socket.startHandshake();
                chain = socket.getSession().getPeerCertificates();
            }
        } catch (GeneralSecurityException e) {
            throw new IOException("TLS unavailable: " + e.getMessage(), e);
        }
        if (chain.length < 2 || !(chain[chain.length - 1] instanceof X509Certificate root)
                || !(chain[0] instanceof X509Certificate leaf)) {
            throw new InvalidTokenException("the manager at " + host + ":" + port
                    + " did not present a cluster CA; is it a jswarm manager?");
        }
        String actual = RootCa.digest(root);
        if (!MessageDigest.isEqual(actual.getBytes(StandardCharsets.US_ASCII), expectedDigest.getBytes(StandardCharsets.US_ASCII))) {
            throw new InvalidTokenException("the manager at " + host + ":" + port
                    + " presents a CA that does not match the token (digest " + actual.substring(0, 12)
                    + "…, token expects " + expectedDigest.substring(0, Math.min(12, expectedDigest.length()))
                    + "…); refusing to send the join secret");
        }
        try {
            leaf.verify(root.getPublicKey());
        } catch (GeneralSecurityException e) {
            throw new InvalidTokenException("the manager's certificate is not signed by the pinned CA; refusing to join");
        }
        return root;
    }

    private static final class RecordingTrustManager implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            throw new UnsupportedOperationException("client side only");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // Judged after the handshake against the pinned digest.
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
