package io.jswarm.testkit.hosts;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs short-lived system tools (ip, nft, mount, kill) and reports failures with the command line
 * and its output, so that a broken fault injection says what the kernel refused instead of failing
 * later as a mysterious connectivity result.
 */
final class Command {
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);

    /** Exit code and combined stdout/stderr of a finished command. */
    record Result(List<String> argv, int exitCode, String output) {
        boolean ok() {
            return exitCode == 0;
        }

        Result orThrow() {
            if (!ok()) {
                throw new HostsException("command failed (exit " + exitCode + "): " + String.join(" ", argv)
                        + (output.isBlank() ? "" : "\n" + output.strip()));
            }
            return this;
        }
    }

    private Command() {}

    /** Runs and throws {@link HostsException} on a non-zero exit. */
    static Result run(String... argv) {
        return exec(List.of(argv), null, DEFAULT_TIMEOUT).orThrow();
    }

    /** Runs with {@code stdin} as standard input (for {@code ip -batch -} and {@code nft -f -}); throws on failure. */
    static Result runWithInput(String stdin, String... argv) {
        return exec(List.of(argv), stdin, DEFAULT_TIMEOUT).orThrow();
    }

    /** Runs and returns the result whatever the exit code. */
    static Result tryRun(String... argv) {
        return exec(List.of(argv), null, DEFAULT_TIMEOUT);
    }

    static Result exec(List<String> argv, String stdin, Duration timeout) {
        List<String> resolved = new ArrayList<>(argv);
        resolved.set(0, find(argv.get(0)).orElseThrow(() -> new HostsException(
                "tool '" + argv.get(0) + "' not found on PATH or in /usr/sbin, /sbin, /usr/bin, /bin")).toString());
        ProcessBuilder pb = new ProcessBuilder(resolved).redirectErrorStream(true);
        if (stdin == null) {
            pb.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        }
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + String.join(" ", argv), e);
        }
        // Read output concurrently: a tool that fills the pipe would otherwise never exit. A thread of
        // its own, not the common pool, which has a single thread on a 2-core machine.
        CompletableFuture<String> out = new CompletableFuture<>();
        Thread reader = new Thread(() -> out.complete(readAll(p.getInputStream())), "command-output");
        reader.setDaemon(true);
        reader.start();
        try {
            if (stdin != null) {
                try (OutputStream in = p.getOutputStream()) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new HostsException("command timed out after " + timeout.toMillis() + " ms: " + String.join(" ", argv));
            }
            return new Result(List.copyOf(argv), p.exitValue(), out.get(5, TimeUnit.SECONDS));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot talk to " + String.join(" ", argv), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new HostsException("interrupted while running " + String.join(" ", argv), e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new HostsException("cannot read output of " + String.join(" ", argv), e);
        }
    }

    private static String readAll(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(output unreadable: " + e + ")";
        }
    }

    /**
     * Locates an executable. Test JVMs often run with a PATH that lacks the sbin directories where
     * Debian puts ip, nft and mount, so those are searched too.
     */
    static Optional<Path> find(String tool) {
        if (tool.contains("/")) {
            Path p = Path.of(tool);
            return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
        }
        Set<String> dirs = new LinkedHashSet<>();
        String path = System.getenv("PATH");
        if (path != null) {
            dirs.addAll(List.of(path.split(":")));
        }
        dirs.addAll(List.of("/usr/sbin", "/sbin", "/usr/bin", "/bin", "/usr/local/sbin", "/usr/local/bin"));
        for (String d : dirs) {
            if (d.isEmpty()) {
                continue;
            }
            Path p = Path.of(d, tool);
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
