package io.jswarm.testkit.images;

import io.jswarm.testkit.Await;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/**
 * A real OCI registry for tests: Debian's {@code docker-registry} (distribution 2.8) serving plain
 * HTTP on 127.0.0.1 at a free port, with its storage in a directory of its own. Optionally behind
 * htpasswd (Basic) auth, with a bcrypt entry made in Java, or token auth with a local token service.
 * {@link #close()} stops the process and deletes the directory.
 */
public final class LocalRegistry implements AutoCloseable {
    public static final Path BINARY = Paths.get("/usr/bin/docker-registry");

    private final Process process;
    private final Path dir;
    private final int port;

    private LocalRegistry(Process process, Path dir, int port) {
        this.process = process;
        this.dir = dir;
        this.port = port;
    }

    /** Whether docker-registry is installed (bin/install-deps --test installs it; CI has it). */
    public static boolean available() {
        return Files.isExecutable(BINARY);
    }

    public static LocalRegistry start(Path workDir) throws IOException {
        return start(workDir, "");
    }

    /** With htpasswd auth: only {@code user}/{@code password} may pull or push. */
    public static LocalRegistry startWithHtpasswd(Path workDir, String user, String password) throws IOException {
        Path dir = Files.createDirectories(workDir.resolve("registry-auth"));
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        String hash = OpenBSDBCrypt.generate("2a", password.toCharArray(), salt, 4);
        Path htpasswd = dir.resolve("htpasswd");
        Files.writeString(htpasswd, user + ":" + hash + "\n", StandardCharsets.UTF_8);
        return start(workDir, "auth:\n  htpasswd:\n    realm: jswarm-test\n    path: " + htpasswd + "\n");
    }

    /** With token auth: the registry trusts tokens signed by {@code tokens}' certificate. */
    public static LocalRegistry startWithToken(Path workDir, RegistryTokenServer tokens) throws IOException {
        return start(workDir, "auth:\n  token:\n    realm: " + tokens.realm() + "\n    service: " + tokens.service()
                + "\n    issuer: " + tokens.issuer() + "\n    rootcertbundle: " + tokens.certificatePem() + "\n");
    }

    private static LocalRegistry start(Path workDir, String authYaml) throws IOException {
        if (!available()) {
            throw new IllegalStateException(BINARY + " is missing: run bin/install-deps --test (package docker-registry)");
        }
        Path dir = Files.createTempDirectory(Files.createDirectories(workDir), "registry-");
        int port = freePort();
        Path config = dir.resolve("config.yml");
        Files.writeString(config, "version: 0.1\nlog:\n  level: warn\n  accesslog:\n    disabled: true\n"
                + "storage:\n  filesystem:\n    rootdirectory: " + dir.resolve("data") + "\n  delete:\n    enabled: true\n"
                + "http:\n  addr: 127.0.0.1:" + port + "\n  secret: jswarm-test-secret\n" + authYaml, StandardCharsets.UTF_8);
        Path log = dir.resolve("registry.log");
        Process p = new ProcessBuilder(BINARY.toString(), "serve", config.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        LocalRegistry registry = new LocalRegistry(p, dir, port);
        try {
            HttpClient http = HttpClient.newHttpClient();
            Await.until("docker-registry on 127.0.0.1:" + port + " to answer /v2/", Duration.ofSeconds(15), () -> {
                if (!p.isAlive()) {
                    throw new IllegalStateException("docker-registry exited " + p.exitValue() + ": " + Files.readString(log));
                }
                int status = http.send(HttpRequest.newBuilder(URI.create(registry.url() + "/v2/")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                return status == 200 || status == 401;
            });
        } catch (RuntimeException | Error e) {
            registry.close();
            throw e;
        }
        return registry;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** {@code 127.0.0.1:<port>}, the registry part of references. */
    public String hostPort() {
        return "127.0.0.1:" + port;
    }

    public String url() {
        return "http://" + hostPort();
    }

    /** The registry's storage directory (tests corrupt blobs there). */
    public Path storage() {
        return dir.resolve("data");
    }

    @Override
    public void close() throws IOException {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        try (var s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
