package io.jswarm.testkit.images;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A token service for a {@link LocalRegistry} in token-auth mode, on 127.0.0.1: checks Basic
 * credentials and issues RS256 JWTs granting the scope asked for, signed with a throw-away RSA
 * key whose self-signed certificate (made with the JDK's keytool) the registry trusts and which
 * travels in the token's {@code x5c} header. It records the scopes requested, so tests can see
 * the Bearer flow happened.
 */
public final class RegistryTokenServer implements AutoCloseable {
    private final HttpServer server;
    private final Path dir;
    private final PrivateKey key;
    private final X509Certificate cert;
    private final String user;
    private final String password;
    private final Clock clock;
    private final List<String> scopes = new CopyOnWriteArrayList<>();
    private static final ObjectMapper JSON = new ObjectMapper();

    private RegistryTokenServer(Path dir, String user, String password, Clock clock) throws Exception {
        this.dir = dir;
        this.user = user;
        this.password = password;
        this.clock = clock;
        Path ks = dir.resolve("token.p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process p = new ProcessBuilder(keytool, "-genkeypair", "-alias", "token", "-keyalg", "RSA", "-keysize", "2048",
                "-sigalg", "SHA256withRSA", "-dname", "CN=jswarm-test-token", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", ks.toString(), "-storepass", "changeit", "-keypass", "changeit").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("keytool failed: " + out);
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(ks)) {
            store.load(in, "changeit".toCharArray());
        }
        this.key = (PrivateKey) store.getKey("token", "changeit".toCharArray());
        this.cert = (X509Certificate) store.getCertificate("token");
        Files.writeString(certificatePem(), "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(cert.getEncoded())
                + "\n-----END CERTIFICATE-----\n", StandardCharsets.US_ASCII);
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/token", this::handle);
        server.start();
    }

    /** Starts a token service accepting {@code user}/{@code password}; its files live under {@code workDir}. */
    public static RegistryTokenServer start(Path workDir, String user, String password, Clock clock) throws Exception {
        Path dir = Files.createTempDirectory(Files.createDirectories(workDir), "token-");
        return new RegistryTokenServer(dir, user, password, clock);
    }

    public String realm() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/token";
    }

    public String service() {
        return "jswarm-test-registry";
    }

    public String issuer() {
        return "jswarm-test-token-issuer";
    }

    public Path certificatePem() {
        return dir.resolve("token.crt");
    }

    /** The scopes of the tokens issued so far. */
    public List<String> scopes() {
        return List.copyOf(scopes);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String expected = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            if (!expected.equals(ex.getRequestHeaders().getFirst("Authorization"))) {
                ex.sendResponseHeaders(401, -1);
                return;
            }
            Map<String, String> q = query(ex.getRequestURI().getRawQuery());
            String scope = q.getOrDefault("scope", "");
            scopes.add(scope);
            byte[] body = JSON.writeValueAsBytes(Map.of("token", jwt(scope, q.get("service"))));
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    private String jwt(String scope, String service) throws Exception {
        ObjectNode header = JSON.createObjectNode().put("alg", "RS256").put("typ", "JWT");
        header.putArray("x5c").add(Base64.getEncoder().encodeToString(cert.getEncoded()));
        long now = clock.instant().getEpochSecond();
        ObjectNode claims = JSON.createObjectNode().put("iss", issuer()).put("sub", user).put("aud", service)
                .put("exp", now + 300).put("nbf", now - 60).put("iat", now).put("jti", UUID.randomUUID().toString());
        ArrayNode access = claims.putArray("access");
        if (!scope.isEmpty()) {
            // repository:<name>:<actions>; the name may itself contain ':' only with a port, which repositories do not
            String[] parts = scope.split(":");
            ObjectNode a = access.addObject().put("type", parts[0]).put("name", parts[1]);
            ArrayNode actions = a.putArray("actions");
            for (String action : parts[2].split(",")) {
                actions.add(action);
            }
        }
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String signingInput = b64.encodeToString(JSON.writeValueAsBytes(header)) + "." + b64.encodeToString(JSON.writeValueAsBytes(claims));
        Signature sig = Signature.getInstance("SHA256withRSA");
        sig.initSign(key);
        sig.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + b64.encodeToString(sig.sign());
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new TreeMap<>();
        if (raw == null) {
            return out;
        }
        for (String kv : raw.split("&")) {
            int eq = kv.indexOf('=');
            if (eq > 0) {
                out.put(URLDecoder.decode(kv.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        server.stop(0);
        try (var s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
