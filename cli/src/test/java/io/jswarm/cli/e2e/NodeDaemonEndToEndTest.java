package io.jswarm.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jswarm.api.json.Json;
import io.jswarm.cli.Main;
import io.jswarm.testkit.Await;
import io.jswarm.testkit.BusyboxRootfs;
import io.jswarm.testkit.images.BusyboxImage;
import io.jswarm.testkit.images.ImageArchives;
import io.jswarm.testkit.images.TestImage;
import io.jswarm.worker.runtime.ContainerRuntime;
import io.jswarm.worker.runtime.RuntimeConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

/**
 * A real node daemon (its own JVM from this module's class path, its own data dir, a 127.0.x.y
 * address, its own bridge and subnet) running real containers end to end, driven only through the
 * {@code jswarm} commands a user types: image load, init, service create with a host-mode
 * published port, the page answers; kill -9 the container → a replacement answers again; scale a
 * second service to 2; service rm → every container gone; leave → bridge, nftables table, cgroup
 * parent gone. Afterwards nothing of the node is left on the host (cgroups, mounts, netns, veths,
 * nft table, processes). Runs as root with runc, tini and busybox-static; skipped otherwise.
 */
class NodeDaemonEndToEndTest {
    private static final Duration CONVERGE = Duration.ofSeconds(45);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Path root;
    private Path dataDir;
    private Process daemon;
    private String bridge;
    private String nodeId;

    record Run(int code, String out, String err) {}

    Run jswarm(String... args) {
        // Options first: after a "--" everything is the container's command.
        List<String> all = new ArrayList<>(List.of("--data-dir", dataDir.toString()));
        all.addAll(List.of(args));
        CommandLine cli = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return new Run(cli.execute(all.toArray(String[]::new)), out.toString(), err.toString());
    }

    Run ok(String... args) {
        Run r = jswarm(args);
        assertEquals(0, r.code(), String.join(" ", args) + " → " + r.err() + r.out());
        return r;
    }

    static boolean rootWithTools() {
        return "root".equals(System.getProperty("user.name")) && Files.isExecutable(RuntimeConfig.DEBIAN_TINI)
                && BusyboxRootfs.available() && (Files.isExecutable(Path.of("/usr/sbin/runc")) || Files.isExecutable(Path.of("/usr/bin/runc")));
    }

    @Test
    @Timeout(180)
    void aNodeDaemonRunsServicesAsRealContainersAndCleansUp() throws Exception {
        assumeTrue(rootWithTools(), "needs root, runc, tini-static and busybox-static");
        int n = ThreadLocalRandom.current().nextInt(2, 250);
        root = Files.createTempDirectory("jswarm-e2e");
        dataDir = root.resolve("node");
        bridge = "jswe2e" + n;
        String addr = "127.0.93." + n;
        int clusterPort = 24000 + n * 2;
        int dashboardPort = 25000 + n;
        int webPort = 26000 + n;

        // An image built here from busybox-static, loaded through the daemon as a user would.
        TestImage image = BusyboxImage.build(root);
        Path archive = root.resolve("busybox.tar");
        Files.write(archive, ImageArchives.oci(image, "busybox:e2e"));
        Path www = Files.createDirectories(root.resolve("www"));
        Files.writeString(www.resolve("index.html"), "hello from jswarm " + n + "\n");

        startDaemon("--bridge", bridge, "--subnet", "10.215." + n + ".0/24", "--dashboard-addr", "127.0.0.1:" + dashboardPort);
        assertTrue(ok("image", "load", "-i", archive.toString()).out().contains("busybox:e2e"));
        assertTrue(ok("image", "ls").out().contains("docker.io/library/busybox:e2e"));

        Run init = ok("init", "--advertise-addr", addr + ":" + clusterPort, "--heartbeat-period", "500ms");
        assertTrue(init.out().contains("Dashboard: http://127.0.0.1:" + dashboardPort), init.out());
        assertTrue(init.out().contains("SWMDASH-"), "the admin token is shown once at init: " + init.out());
        nodeId = Json.mapper().readTree(ok("node", "ls", "--format", "json").out()).get(0).path("id").asText();
        assertEquals(302, HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + dashboardPort + "/")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode(), "the dashboard answers and asks for a login");

        ok("service", "create", "-d", "--name", "web", "-p", "published=" + webPort + ",target=80,mode=host",
                "--mount", "type=bind,source=" + www + ",target=/var/www,readonly", "--", "busybox:e2e", "httpd", "-f", "-h", "/var/www");
        String page = Await.until("the web page on the published port", CONVERGE, () -> get(webPort), b -> b.contains("hello from jswarm"));
        assertEquals("200 hello from jswarm " + n + "\n", page);

        // kill -9 the container's process: the task fails and a replacement serves again.
        String first = Await.until("web.1 reported RUNNING", CONVERGE, () -> runningContainers("web"), c -> c.size() == 1)
                .iterator().next();
        long pid = Long.parseLong(Files.readString(containerDir(first).resolve("container.pid")).strip());
        ProcessHandle.of(pid).orElseThrow().destroyForcibly();
        Set<String> replaced = Await.until("a replacement container of web running", CONVERGE, () -> runningContainers("web"),
                s -> s.size() == 1 && !s.contains(first));
        assertNotEquals(Set.of(first), replaced);
        Await.until("the page answers again from the replacement", CONVERGE, () -> get(webPort), b -> b.contains("hello from jswarm"));
        // The first replacement took over: the dead container freed its host port at once, so no
        // attempt failed on "port … is already published" (the history is the killed task and one more).
        JsonNode history = Json.mapper().readTree(ok("service", "ps", "web", "--format", "json").out());
        List<String> states = new ArrayList<>();
        history.forEach(t -> states.add(t.path("status").path("state").asText() + " " + t.path("status").path("message").asText()));
        assertEquals(2, history.size(), "killed task + its replacement, nothing in between: " + states);

        // Scaling (a second host-mode port cannot be published on one node, so a service without ports).
        ok("service", "create", "-d", "--name", "sleeper", "--", "busybox:e2e", "sh", "-c", "echo started $HOSTNAME; exec sleep 600");
        Await.until("sleeper.1 running", CONVERGE, () -> runningContainers("sleeper").size(), c -> c == 1);
        ok("service", "scale", "-d", "sleeper=2");
        Await.until("sleeper scaled to 2 containers", CONVERGE, () -> runningContainers("sleeper").size(), c -> c == 2);

        // service logs: gathered by the manager from the node's task log files, named by task.
        String logs = Await.until("both sleepers' first line in service logs", CONVERGE, () -> ok("service", "logs", "sleeper").out(),
                o -> o.contains("sleeper.1    | started") && o.contains("sleeper.2    | started"));
        assertTrue(ok("service", "logs", "--tail", "1", "-t", "sleeper").out().matches("(?s)sleeper\\.\\d    \\| 20\\d\\d-.*Z started .*\n"),
                "one line with its time: " + logs);

        // A Compose stack with depends_on honoured: seed (a job) waits until backend is healthy,
        // web waits until every seed run completed; deploy returns once all have converged.
        int stackPort = webPort + 1000;
        Path stackFile = root.resolve("stack.yml");
        Files.writeString(stackFile, """
                services:
                  backend:
                    image: busybox:e2e
                    command: ["sh", "-c", "sleep 1; touch /tmp/ready; exec sleep 600"]
                    healthcheck:
                      test: ["CMD", "test", "-f", "/tmp/ready"]
                      interval: 1s
                      timeout: 1s
                      retries: 3
                  seed:
                    image: busybox:e2e
                    command: ["sh", "-c", "echo seeded"]
                    deploy:
                      mode: replicated-job
                      replicas: 2
                    depends_on:
                      backend:
                        condition: service_healthy
                  web:
                    image: busybox:e2e
                    command: ["httpd", "-f", "-h", "/var/www"]
                    volumes:
                      - type: bind
                        source: %s
                        target: /var/www
                        read_only: true
                    ports:
                      - target: 80
                        published: %d
                        mode: host
                    depends_on:
                      seed:
                        condition: service_completed_successfully
                """.formatted(www, stackPort));
        ok("deploy", "-c", stackFile.toString(), "--timeout", "120s", "demo");
        assertEquals("200 hello from jswarm " + n + "\n", get(stackPort), "the stack's web answers once deploy returns");
        JsonNode seedRuns = Json.mapper().readTree(ok("service", "ps", "demo_seed", "--format", "json").out());
        JsonNode webTasks = Json.mapper().readTree(ok("service", "ps", "demo_web", "--format", "json").out());
        java.time.Instant lastSeedDone = java.time.Instant.MIN;
        for (JsonNode t : seedRuns) {
            assertEquals("COMPLETE", t.path("status").path("state").asText(), "every seed run completed: " + seedRuns);
            java.time.Instant done = java.time.Instant.parse(t.path("status").path("timestamp").asText());
            lastSeedDone = done.isAfter(lastSeedDone) ? done : lastSeedDone;
        }
        java.time.Instant webCreated = java.time.Instant.parse(webTasks.get(0).path("meta").path("createdAt").asText());
        assertTrue(webCreated.isAfter(lastSeedDone), "web was created only after the seed job completed: " + webCreated + " vs " + lastSeedDone);
        assertTrue(ok("stack", "ls").out().contains("demo"));
        Set<String> webContainers = runningContainers("demo_web");
        // Redeploying the unchanged file changes nothing: same running container, no new task.
        ok("deploy", "-c", stackFile.toString(), "--timeout", "60s", "demo");
        assertEquals(webContainers, runningContainers("demo_web"), "an unchanged redeploy restarts nothing");
        assertEquals(1, Json.mapper().readTree(ok("service", "ps", "demo_web", "--format", "json").out()).size());
        // Changing one service in the file replaces that service's task with the new template, and only it.
        Set<String> backendContainers = runningContainers("demo_backend");
        Files.writeString(stackFile, Files.readString(stackFile).replace(
                "    command: [\"httpd\", \"-f\", \"-h\", \"/var/www\"]\n",
                "    command: [\"httpd\", \"-f\", \"-h\", \"/var/www\"]\n    environment:\n      - RELEASE=2\n"));
        ok("deploy", "-c", stackFile.toString(), "--timeout", "60s", "demo");
        Set<String> newWeb = Await.until("demo_web replaced by a task of the new template", CONVERGE,
                () -> runningContainers("demo_web"), c -> c.size() == 1 && !c.equals(webContainers));
        assertTrue(Files.readString(containerDir(newWeb.iterator().next()).resolve("bundle/config.json")).contains("RELEASE=2"),
                "the new container runs the changed spec");
        Await.until("the page answers from the updated web", CONVERGE, () -> get(stackPort), b -> b.contains("hello from jswarm"));
        assertEquals(backendContainers, runningContainers("demo_backend"), "the unchanged backend was not touched");
        ok("stack", "rm", "demo");
        Await.until("the stack's services gone", CONVERGE, () -> ok("service", "ls", "--format", "json").out(), o -> !o.contains("demo_"));

        ok("service", "rm", "web", "sleeper");
        Await.until("every container removed from the node", CONVERGE, () -> containerIds(), List::isEmpty);
        Await.until("the published port is closed", Duration.ofSeconds(10), () -> {
            try {
                get(webPort);
                return false;
            } catch (java.io.IOException e) {
                return true;
            }
        });

        ok("leave", "--force");
        stopDaemon();
        List<String> left = leftovers();
        assertEquals(List.of(), left, "nothing of the node may remain on the host");
    }

    // ---- helpers ----

    private void startDaemon(String... options) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), "io.jswarm.cli.Main", "daemon", "--data-dir", dataDir.toString()));
        cmd.addAll(List.of(options));
        daemon = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(root.resolve("daemon.log").toFile()).start();
        Await.until("the daemon's local API socket", Duration.ofSeconds(60), () -> {
            if (!daemon.isAlive()) {
                throw new AssertionError("daemon exited: " + Files.readString(root.resolve("daemon.log")));
            }
            return Files.exists(dataDir.resolve("jswarm.sock")) && jswarm("image", "ls").code() == 0;
        });
    }

    private void stopDaemon() throws Exception {
        if (daemon != null && daemon.isAlive()) {
            daemon.destroy();
            if (!daemon.waitFor(30, TimeUnit.SECONDS)) {
                daemon.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static String get(int port) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString());
        return r.statusCode() + " " + r.body();
    }

    private Path containerDir(String id) {
        return dataDir.resolve("worker/containers").resolve(id);
    }

    private List<String> containerIds() throws Exception {
        Path dir = dataDir.resolve("worker/containers");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Containers of the service's tasks that the managers see RUNNING and whose process is alive. */
    private Set<String> runningContainers(String service) throws Exception {
        JsonNode tasks = Json.mapper().readTree(ok("service", "ps", service, "--format", "json").out());
        Set<String> out = new TreeSet<>();
        for (JsonNode t : tasks) {
            String id = t.path("id").asText();
            if (!"RUNNING".equalsIgnoreCase(t.path("status").path("state").asText())) {
                continue;
            }
            Path pid = containerDir(id).resolve("container.pid");
            if (Files.exists(pid) && ProcessHandle.of(Long.parseLong(Files.readString(pid).strip())).map(ProcessHandle::isAlive).orElse(false)) {
                out.add(id);
            }
        }
        return out;
    }

    /** What is left of this node on the host: cgroups, mounts, netns, links, nft table, processes. */
    private List<String> leftovers() throws Exception {
        List<String> left = new ArrayList<>();
        if (nodeId != null) {
            ContainerRuntime rt = ContainerRuntime.onThisHost(RuntimeConfig.of(dataDir.resolve("worker"), nodeId, Clock.systemUTC()));
            for (Path d : rt.cgroups().layout().directories("/" + rt.config().cgroupParent())) {
                if (Files.exists(d)) {
                    left.add("cgroup " + d);
                }
            }
            if (Files.isDirectory(Path.of("/run/netns"))) {
                try (var s = Files.list(Path.of("/run/netns"))) {
                    s.filter(p -> p.getFileName().toString().startsWith("jswarm-" + nodeId)).forEach(p -> left.add("netns " + p));
                }
            }
            if (run("nft", "list", "table", "ip", "jswarm-" + nodeId) == 0) {
                left.add("nft table jswarm-" + nodeId);
            }
        }
        if (run("ip", "link", "show", "dev", bridge) == 0) {
            left.add("bridge " + bridge);
        }
        String links = output("ip", "-o", "link", "show", "master", bridge);
        if (!links.isBlank()) {
            left.add("veths " + links);
        }
        for (String line : Files.readAllLines(Path.of("/proc/self/mounts"))) {
            if (line.contains(dataDir.toString())) {
                left.add("mount " + line);
            }
        }
        ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(dataDir.toString())).orElse(false))
                .filter(p -> p.pid() != ProcessHandle.current().pid())
                .forEach(p -> left.add("process " + p.pid() + " " + p.info().commandLine().orElse("")));
        return left;
    }

    private static int run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return p.waitFor(10, TimeUnit.SECONDS) ? p.exitValue() : -1;
    }

    private static String output(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor(10, TimeUnit.SECONDS);
        return p.exitValue() == 0 ? out : "";
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Even when the test failed: leave (removes containers, bridge, table, cgroups), stop, then remove what remains by name. */
    @AfterEach
    void cleanUp() throws Exception {
        if (root == null) {
            return;
        }
        try {
            if (daemon != null && daemon.isAlive() && nodeId != null) {
                jswarm("leave", "--force");
            }
        } finally {
            stopDaemon();
            if (nodeId != null) {
                ContainerRuntime rt = ContainerRuntime.onThisHost(RuntimeConfig.of(dataDir.resolve("worker"), nodeId, Clock.systemUTC()));
                for (String id : rt.containerIds()) {
                    try {
                        rt.stop(id, "KILL", Duration.ZERO);
                        rt.remove(id);
                    } catch (RuntimeException ignored) {
                        // best effort after a failure; the leak check reports what stays
                    }
                }
                rt.cgroups().remove("/" + rt.config().cgroupParent());
                run("nft", "delete", "table", "ip", "jswarm-" + nodeId);
                if (Files.isDirectory(Path.of("/run/netns"))) {
                    try (var s = Files.list(Path.of("/run/netns"))) {
                        for (Path p : s.filter(p -> p.getFileName().toString().startsWith("jswarm-" + nodeId)).toList()) {
                            run("ip", "netns", "del", p.getFileName().toString());
                        }
                    }
                }
            }
            if (bridge != null) {
                run("ip", "link", "del", bridge);
            }
            for (String line : Files.readAllLines(Path.of("/proc/self/mounts"))) {
                String[] f = line.split(" ");
                if (f.length > 1 && f[1].startsWith(dataDir.toString())) {
                    run("umount", "-l", f[1]);
                }
            }
            deleteTree(root);
        }
    }
}
