package io.jswarm.worker.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** runc (Debian package runc, 1.1 here) driven through its CLI with a per-node state root. */
public final class Runc implements OciRuntime {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Path binary;
    private final Path stateRoot;

    public Runc(Path binary, Path stateRoot) {
        this.binary = binary;
        this.stateRoot = stateRoot;
        try {
            Files.createDirectories(stateRoot);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create runc state root " + stateRoot, e);
        }
    }

    /** runc from PATH or the usual places; a clear error if it is not installed. */
    public static Path locate() {
        for (String dir : List.of("/usr/sbin", "/usr/bin", "/usr/local/sbin", "/usr/local/bin", "/sbin", "/bin")) {
            Path p = Path.of(dir, "runc");
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        throw new IllegalStateException("runc is not installed: install the Debian package runc (bin/install-deps)");
    }

    @Override
    public String name() {
        return "runc";
    }

    private List<String> base(String... args) {
        List<String> argv = new ArrayList<>(List.of(binary.toString(), "--root", stateRoot.toString()));
        argv.addAll(List.of(args));
        return argv;
    }

    @Override
    public List<String> runArgv(String id, Path bundle, Path pidFile) {
        return base("run", "--bundle", bundle.toString(), "--pid-file", pidFile.toString(), "--keep", id);
    }

    @Override
    public Optional<OciState> state(String id) {
        Command.Result r = Command.run(base("state", id), TIMEOUT);
        if (!r.ok()) {
            if (r.stderr().contains("does not exist")) {
                return Optional.empty();
            }
            throw new CommandFailedException(r);
        }
        return Optional.of(parse(read(r.stdout())));
    }

    @Override
    public List<OciState> list() {
        JsonNode arr = read(Command.run(base("list", "--format", "json"), TIMEOUT).orThrow());
        List<OciState> out = new ArrayList<>();
        if (arr != null && arr.isArray()) {
            arr.forEach(n -> out.add(parse(n)));
        }
        return out;
    }

    @Override
    public void kill(String id, String signal, boolean all) {
        List<String> argv = all ? base("kill", "--all", id, signal) : base("kill", id, signal);
        Command.Result r = Command.run(argv, TIMEOUT);
        // A container that has just exited cannot be signalled; that is not an error for a stop.
        if (!r.ok() && !r.stderr().contains("not running") && !r.stderr().contains("does not exist")) {
            throw new CommandFailedException(r);
        }
    }

    @Override
    public void delete(String id, boolean force) {
        Command.Result r = Command.run(force ? base("delete", "--force", id) : base("delete", id), TIMEOUT);
        if (!r.ok() && !r.stderr().contains("does not exist")) {
            throw new CommandFailedException(r);
        }
    }

    @Override
    public Command.Result exec(String id, List<String> argv, Duration timeout) {
        List<String> full = base("exec", id);
        full.addAll(argv);
        return Command.run(full, timeout);
    }

    private static JsonNode read(String json) {
        try {
            return OciConfigBuilder.mapper().readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("runc printed something that is not JSON: " + json, e);
        }
    }

    private static OciState parse(JsonNode n) {
        return new OciState(n.path("id").asText(), n.path("status").asText(), n.path("pid").asLong(), n.path("bundle").asText());
    }
}
