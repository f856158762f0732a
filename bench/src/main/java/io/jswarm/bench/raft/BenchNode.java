package io.jswarm.bench.raft;

import io.jswarm.manager.client.ApiClient;
import io.jswarm.manager.client.ApiResponse;
import io.jswarm.manager.node.DaemonMain;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A node daemon in its own JVM for the benchmark, reached through its local socket. */
final class BenchNode implements AutoCloseable {
    final String name;
    final String ip;
    final Path dataDir;
    private final Vertx vertx;
    private Process process;
    private ApiClient api;

    BenchNode(Vertx vertx, Path root, String name, String ip) {
        this.vertx = vertx;
        this.name = name;
        this.ip = ip;
        this.dataDir = root.resolve(name);
    }

    BenchNode start() throws IOException {
        process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-Djava.util.concurrent.ForkJoinPool.common.parallelism=4",
                "-cp", System.getProperty("java.class.path"), DaemonMain.class.getName(), dataDir.toString(), name))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolveSibling(name + ".log").toFile()))
                .start();
        return this;
    }

    void awaitUp() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited; see " + dataDir.resolveSibling(name + ".log"));
            }
            try {
                if (Files.exists(dataDir.resolve("jswarm.sock")) && call(HttpMethod.GET, "/v1/info", null).ok()) {
                    return;
                }
            } catch (RuntimeException e) {
                // not up yet
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " did not come up within 60 s");
            }
            Thread.sleep(50);
        }
    }

    ApiResponse call(HttpMethod method, String path, Object body) {
        if (api == null) {
            api = ApiClient.unixSocket(vertx, dataDir.resolve("jswarm.sock"), Duration.ofSeconds(10));
        }
        return api.callAndWait(null, method, path, body);
    }

    ApiClient api() {
        call(HttpMethod.GET, "/v1/info", null);
        return api;
    }

    long pid() {
        return process.pid();
    }

    /** Resident memory in MiB from /proc. */
    long rssMiB() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        return -1;
    }

    void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
        closeApi();
    }

    private void closeApi() {
        if (api != null) {
            api.close();
            api = null;
        }
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        closeApi();
    }
}
