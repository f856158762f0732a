package io.jswarm.manager.ca;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * This node's key, its certificate, and the cluster root CA, as kept in {@code <data-dir>/certs}
 * (the key readable by its owner only). The TLS factories present the chain node → root, so a
 * joiner can check the root against its token, and trust only the cluster root.
 */
public record NodeCredentials(PrivateKey key, X509Certificate certificate, X509Certificate ca) {
    private static final char[] NO_PASSWORD = new char[0];

    public NodeIdentity identity() {
        return NodeIdentity.of(certificate);
    }

    public void save(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        Path keyFile = dir.resolve("node.key");
        Files.deleteIfExists(keyFile);
        Files.createFile(keyFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(keyFile, Pem.writePrivateKey(key), StandardCharsets.US_ASCII);
        Files.writeString(dir.resolve("node.crt"), Pem.write(certificate), StandardCharsets.US_ASCII);
        Files.writeString(dir.resolve("ca.crt"), Pem.write(ca), StandardCharsets.US_ASCII);
    }

    public static NodeCredentials load(Path dir) throws IOException {
        return new NodeCredentials(
                Pem.privateKey(Files.readString(dir.resolve("node.key"))),
                Pem.certificate(Files.readString(dir.resolve("node.crt"))),
                Pem.certificate(Files.readString(dir.resolve("ca.crt"))));
    }

    public static boolean exist(Path dir) {
        return Files.exists(dir.resolve("node.crt"));
    }

    public KeyManagerFactory keyManagers() {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("node", key, NO_PASSWORD, new Certificate[] {certificate, ca});
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, NO_PASSWORD);
            return kmf;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot load this node's key into TLS", e);
        }
    }

    /** Trusts the cluster root CA and nothing else (not the JDK's public CAs). */
    public TrustManagerFactory trustManagers() {
        return trustOnly(ca);
    }

    public static TrustManagerFactory trustOnly(X509Certificate root) {
        try {
            KeyStore ts = KeyStore.getInstance("PKCS12");
            ts.load(null, null);
            ts.setCertificateEntry("cluster-ca", root);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ts);
            return tmf;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot load the cluster CA into TLS", e);
        }
    }
}
