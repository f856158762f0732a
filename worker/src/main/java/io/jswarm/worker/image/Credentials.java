package io.jswarm.worker.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Registry credentials by registry host, in the file format of Docker's {@code config.json}
 * ({@code {"auths":{"host":{"auth":"base64(user:password)"}}}}) so an existing Docker login can
 * be reused. Docker Hub is filed under {@code https://index.docker.io/v1/} by Docker; both that key
 * and {@code docker.io} are looked up.
 */
public final class Credentials {
    /** A user name and password (or token) for one registry. */
    public record Credential(String username, String password) {
        @Override
        public String toString() {
            return "Credential[" + username + ", ****]";
        }

        String basicHeader() {
            return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        }
    }

    private static final String DOCKER_HUB_KEY = "https://index.docker.io/v1/";
    private final Map<String, Credential> byRegistry;

    private Credentials(Map<String, Credential> byRegistry) {
        this.byRegistry = Map.copyOf(byRegistry);
    }

    public static Credentials none() {
        return new Credentials(Map.of());
    }

    public static Credentials of(String registry, String username, String password) {
        return new Credentials(Map.of(registry, new Credential(username, password)));
    }

    /** Reads a config file; a missing file means no credentials. */
    public static Credentials load(Path file) throws IOException {
        if (!Files.exists(file)) {
            return none();
        }
        JsonNode root = OciJson.parse(Files.readAllBytes(file), file.toString());
        Map<String, Credential> out = new TreeMap<>();
        JsonNode auths = root.get("auths");
        if (auths != null && auths.isObject()) {
            for (var e : auths.properties()) {
                String auth = OciJson.text(e.getValue(), "auth", file + ": auths." + e.getKey());
                if (auth == null) {
                    continue;
                }
                String decoded;
                try {
                    decoded = new String(Base64.getDecoder().decode(auth), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException bad) {
                    throw new InvalidImageException(file + ": auths." + e.getKey() + ".auth is not base64");
                }
                int colon = decoded.indexOf(':');
                if (colon < 0) {
                    throw new InvalidImageException(file + ": auths." + e.getKey() + ".auth must encode user:password");
                }
                out.put(normalise(e.getKey()), new Credential(decoded.substring(0, colon), decoded.substring(colon + 1)));
            }
        }
        return new Credentials(out);
    }

    public Optional<Credential> forRegistry(String registry) {
        return Optional.ofNullable(byRegistry.get(normalise(registry)));
    }

    /** A copy with {@code registry}'s credential set (what {@code jswarm login} records). */
    public Credentials with(String registry, String username, String password) {
        Map<String, Credential> m = new TreeMap<>(byRegistry);
        m.put(normalise(registry), new Credential(username, password));
        return new Credentials(m);
    }

    /** Writes the file atomically, readable by its owner only (it holds secrets). */
    public void save(Path file) throws IOException {
        ObjectNode root = OciJson.object();
        ObjectNode auths = root.putObject("auths");
        new TreeMap<>(byRegistry).forEach((k, c) -> auths.putObject(k.equals(Reference.DOCKER_HUB) ? DOCKER_HUB_KEY : k)
                .put("auth", Base64.getEncoder().encodeToString((c.username() + ":" + c.password()).getBytes(StandardCharsets.UTF_8))));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.write(tmp, OciJson.bytes(root));
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static String normalise(String key) {
        String k = key;
        if (k.startsWith("https://") || k.startsWith("http://")) {
            k = k.substring(k.indexOf("://") + 3);
        }
        int slash = k.indexOf('/');
        if (slash >= 0) {
            k = k.substring(0, slash);
        }
        if (k.equals("index.docker.io") || k.equals("registry-1.docker.io")) {
            k = Reference.DOCKER_HUB;
        }
        return k;
    }
}
