package io.jswarm.cli.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jswarm.cli.Main;
import io.jswarm.manager.api.Wire;
import io.jswarm.manager.client.ApiClient;
import io.jswarm.manager.node.Daemon;
import io.jswarm.manager.node.DaemonOptions;
import io.jswarm.testkit.Await;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The service commands against a real single-node daemon (Raft, leader loops, API over the local
 * socket). No worker agent runs here yet, so tasks go as far as ASSIGNED to the node.
 */
class ServiceCommandsDaemonTest {
    @TempDir
    Path dir;

    private Daemon daemon;

    record Run(int code, String out, String err) {}

    private Run cli(String... args) {
        CommandLine cli = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 2];
        all[0] = "--data-dir";
        all[1] = dir.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        int code = cli.execute(all);
        return new Run(code, out.toString(), err.toString());
    }

    @BeforeEach
    void start() throws Exception {
        daemon = Daemon.start(DaemonOptions.defaults(dir).withHostname("test-node"));
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Vertx vertx = Vertx.vertx();
        try (ApiClient c = ApiClient.unixSocket(vertx, daemon.files().socket(), Duration.ofSeconds(60))) {
            var r = c.call(HttpMethod.POST, "/v1/swarm/init", new Wire.InitRequest("127.0.0.1:" + port, null, null)).await();
            assertEquals(200, r.status(), r.body());
        } finally {
            vertx.close().await();
        }
    }

    @AfterEach
    void stop() {
        if (daemon != null) {
            daemon.close();
        }
    }

    @Test
    void createListPsScaleInspectRemove() {
        Run created = cli("service", "create", "-d", "--name", "web", "--replicas", "2", "busybox", "httpd", "-f");
        assertEquals(0, created.code(), created.err());
        assertEquals(25, created.out().strip().length(), created.out());

        Run ls = cli("service", "ls");
        assertTrue(ls.out().contains("web") && ls.out().contains("replicated") && ls.out().contains("0/2")
                && ls.out().contains("busybox"), ls.out());

        // The leader loops run in the daemon: the tasks are created and assigned to this node.
        Run ps = Await.until("two tasks assigned", Duration.ofSeconds(20), () -> cli("service", "ps", "web"),
                r -> r.out().lines().filter(l -> l.contains("Assigned")).count() == 2);
        assertTrue(ps.out().contains("web.1") && ps.out().contains("web.2") && ps.out().contains("test-node"), ps.out());

        Run scaled = cli("service", "scale", "-d", "web=3");
        assertEquals(0, scaled.code(), scaled.err());
        Await.until("three tasks", Duration.ofSeconds(20), () -> cli("node", "ps"),
                r -> r.out().lines().filter(l -> l.contains("web.")).count() == 3);

        Run inspect = cli("service", "inspect", "--pretty", "web");
        assertTrue(inspect.out().contains("Name:\t\tweb") && inspect.out().contains("Args:\t\thttpd -f"), inspect.out());

        Run rm = cli("service", "rm", "web", "nope");
        assertEquals(1, rm.code());
        assertTrue(rm.out().contains("web") && rm.err().contains("nope"), rm.out() + rm.err());
        assertTrue(!cli("service", "ls").out().contains("web"));
    }

    @Test
    void theDaemonsRefusalNamesTheField() {
        Run bad = cli("service", "create", "-d", "--name", "bad name!", "busybox");
        assertEquals(1, bad.code());
        assertTrue(bad.err().startsWith("jswarm: name:"), bad.err());
        cli("service", "create", "-d", "--name", "web", "busybox");
        Run again = cli("service", "create", "-d", "--name", "web", "busybox");
        assertEquals(1, again.code());
        assertTrue(again.err().contains("already exists"), again.err());
    }
}
