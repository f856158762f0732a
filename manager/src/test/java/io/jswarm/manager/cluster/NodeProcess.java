package io.jswarm.manager.cluster;

import io.jswarm.manager.client.ApiClient;
import io.jswarm.manager.client.ApiResponse;
import io.jswarm.manager.node.DaemonMain;
import io.jswarm.testkit.Await;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A node daemon in its own JVM (the test's class path), with its own data directory and loopback
 * address, driven through its local Unix-socket API like the CLI would.
 */
final class NodeProcess implements AutoCloseable {
    final String name;
    final String ip;
    final Path dataDir;
    private final Path log;
    private final Vertx vertx;
    private Process process;
    private ApiClient api;

    NodeProcess(Vertx vertx, Path root, String name, String ip) {
        this.vertx = vertx;
        this.name = name;
        this.ip = ip;
        this.dataDir = root.resolve(name);
        this.log = root.resolve(name + ".log");
    }

    NodeProcess start() throws IOException {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx160m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Djava.util.concurrent.ForkJoinPool.common.parallelism=4",
                "-cp", System.getProperty("java.class.path"),
                DaemonMain.class.getName(), dataDir.toString(), name));
        process = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        return this;
    }

    void awaitUp() {
        Await.until(name + " daemon answering (log " + log + ")", Duration.ofSeconds(30), () -> {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ": " + tail());
            }
            return Files.exists(dataDir.resolve("jswarm.sock")) && call(HttpMethod.GET, "/v1/info", null).ok();
        });
    }

    String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    ApiResponse call(HttpMethod method, String path, Object body) {
        if (api == null) {
            api = ApiClient.unixSocket(vertx, dataDir.resolve("jswarm.sock"), Duration.ofSeconds(20));
        }
        return api.callAndWait(null, method, path, body);
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    /** kill -9: no shutdown hook runs, nothing is flushed that was not already. */
    void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
        closeClient();
    }

    /** SIGTERM and wait: the daemon closes Raft and removes its socket. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        closeClient();
    }

    private void closeClient() {
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
        closeClient();
    }
}
