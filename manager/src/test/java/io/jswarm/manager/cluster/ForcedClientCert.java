package io.jswarm.manager.cluster;

import io.jswarm.manager.ca.NodeCredentials;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509KeyManager;

/** A TLS client that presents its certificate whatever issuers the server asks for, like an attacker would. */
final class ForcedClientCert {
    private ForcedClientCert() {}

    /** Performs the handshake and a GET; returns the status line. */
    static String get(String host, int port, NodeCredentials presented, X509Certificate trusted)
            throws IOException, GeneralSecurityException {
        X509KeyManager km = new X509KeyManager() {
            @Override
            public String[] getClientAliases(String keyType, Principal[] issuers) {
                return new String[] {"node"};
            }

            @Override
            public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
                return "node";
            }

            @Override
            public String[] getServerAliases(String keyType, Principal[] issuers) {
                return null;
            }

            @Override
            public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
                return null;
            }

            @Override
            public X509Certificate[] getCertificateChain(String alias) {
                return new X509Certificate[] {presented.certificate(), presented.ca()};
            }

            @Override
            public PrivateKey getPrivateKey(String alias) {
                return presented.key();
            }
        };
        SSLContext ctx = SSLContext.getInstance("TLSv1.3");
        ctx.init(new KeyManager[] {km}, NodeCredentials.trustOnly(trusted).getTrustManagers(), null);
        try (SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket(host, port)) {
            s.setSoTimeout(5000);
            s.startHandshake();
            s.getOutputStream().write("GET /v1/nodes HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            byte[] buf = new byte[64];
            int n = s.getInputStream().read(buf);
            return n <= 0 ? "" : new String(buf, 0, n, StandardCharsets.US_ASCII).lines().findFirst().orElse("");
        }
    }
}
