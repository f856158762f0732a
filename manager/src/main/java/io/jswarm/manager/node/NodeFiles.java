package io.jswarm.manager.node;

import io.jswarm.api.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/** The layout of a node's data directory. The directory itself is private to its owner. */
public record NodeFiles(Path dataDir) {
    public static final String SOCKET = "jswarm.sock";

    public Path socket() {
        return dataDir.resolve(SOCKET);
    }

    public Path certs() {
        return dataDir.resolve("certs");
    }

    public Path raft() {
        return dataDir.resolve("raft");
    }

    public Path nodeJson() {
        return dataDir.resolve("node.json");
    }

    public Path pidFile() {
        return dataDir.resolve("daemon.pid");
    }

    public Path log() {
        return dataDir.resolve("daemon.log");
    }

    public void createDataDir() throws IOException {
        Files.createDirectories(dataDir);
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwx------"));
    }

    public Optional<NodeRecord> readRecord() throws IOException {
        if (!Files.exists(nodeJson())) {
            return Optional.empty();
        }
        return Optional.of(Json.read(Files.readAllBytes(nodeJson()), NodeRecord.class));
    }

    /** Written to a temporary file and renamed, so a crash never leaves half a record. */
    public void writeRecord(NodeRecord record) throws IOException {
        Path tmp = dataDir.resolve("node.json.tmp");
        Files.writeString(tmp, Json.writePretty(record), StandardCharsets.UTF_8);
        Files.move(tmp, nodeJson(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
