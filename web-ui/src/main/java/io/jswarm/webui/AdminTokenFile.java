package io.jswarm.webui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * Where a manager keeps the hash of the dashboard's admin token: one line in a root-only file in
 * its data directory. Written through a temporary file and a rename, so a reader sees the old
 * hash or the new one, never half of one.
 */
public final class AdminTokenFile {
    private final Path file;

    public AdminTokenFile(Path file) {
        this.file = file;
    }

    /** The stored hash, or empty when no token was ever created (nobody can log in then). */
    public Optional<String> hash() {
        try {
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            String text = Files.readString(file, StandardCharsets.US_ASCII).trim();
            return text.startsWith("sha256:") ? Optional.of(text) : Optional.empty();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the dashboard token hash " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Creates a new token, stores its hash and returns the token itself, which exists nowhere else
     * afterwards: show it once. Used at init and to rotate; sessions of the old token end.
     */
    public String rotate() throws IOException {
        String token = AdminToken.generate();
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(tmp, AdminToken.hash(token) + "\n", StandardCharsets.US_ASCII);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return token;
    }
}
