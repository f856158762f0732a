package io.jswarm.worker.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a short-lived host command (runc state, ip, nft, mount) and collects its output. Output is
 * read on a separate thread so a chatty command cannot block on a full pipe; a command that
 * outlives its timeout is killed and reported as such.
 */
public final class Command {
    private Command() {}

    public record Result(List<String> argv, int exitCode, String stdout, String stderr) {
        public boolean ok() {
            return exitCode == 0;
        }

        /** stdout of a successful run, or a {@link CommandFailedException} naming the tool and its error. */
        public String orThrow() {
            if (!ok()) {
                throw new CommandFailedException(this);
            }
            return stdout;
        }
    }

    public static Result run(List<String> argv, Duration timeout) {
        return run(argv, null, timeout);
    }

    /** Runs {@code argv} with {@code stdin} (may be null) and waits at most {@code timeout}. */
    public static Result run(List<String> argv, String stdin, Duration timeout) {
        Process p;
        try {
            p = new ProcessBuilder(argv).start();
        } catch (IOException e) {
            return new Result(argv, 127, "", argv.get(0) + ": " + e.getMessage());
        }
        CompletableFuture<String> out = drain(p.getInputStream());
        CompletableFuture<String> err = drain(p.getErrorStream());
        try {
            try (var in = p.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                p.waitFor(5, TimeUnit.SECONDS);
                return new Result(argv, 124, out.getNow(""), "timed out after " + timeout.toMillis() + " ms");
            }
            return new Result(argv, p.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            p.destroyForcibly();
            return new Result(argv, 127, "", e.getMessage());
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            return new Result(argv, 130, "", "interrupted");
        }
    }

    private static CompletableFuture<String> drain(InputStream in) {
        CompletableFuture<String> f = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try (in) {
                f.complete(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                f.complete("");
            }
        }, "command-output");
        t.setDaemon(true);
        t.start();
        return f;
    }
}
