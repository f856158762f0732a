package io.jswarm.cli.cluster;

import io.jswarm.cli.CliException;
import io.jswarm.cli.ExitCodes;
import io.jswarm.cli.JswarmCommand;
import io.jswarm.cli.client.DaemonConnection;
import io.vertx.core.http.HttpMethod;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code jswarm cluster backup -o FILE}: a consistent snapshot of the cluster state, taken while the
 * cluster runs (linearizable: it contains every write acknowledged before the command). The file
 * holds the CA key and join secrets, so it is written readable by its owner only.
 */
@Command(name = "backup", mixinStandardHelpOptions = true, description = "Write a consistent snapshot of the cluster state.")
public final class ClusterBackupCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "File to write (mode 0600).")
    Path output;

    @Override
    public void run() {
        JswarmCommand root = JswarmCommand.of(spec);
        try (DaemonConnection conn = DaemonConnection.open(root.daemon(), Duration.ofSeconds(60))) {
            String snapshot = conn.call(HttpMethod.GET, "/v1/cluster/backup", null).body();
            Path abs = output.toAbsolutePath();
            Path tmp = abs.resolveSibling(abs.getFileName() + ".tmp");
            Files.deleteIfExists(tmp);
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(tmp, snapshot, StandardCharsets.UTF_8);
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            PrintWriter out = spec.commandLine().getOut();
            if (!root.quiet()) {
                out.println("Cluster state written to " + abs);
            }
            out.flush();
        } catch (IOException e) {
            throw new CliException(ExitCodes.FAILED, "-o " + output + ": " + e.getMessage(), e);
        }
    }
}
