package io.jswarm.cli.swarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jswarm.cli.ExitCodes;
import io.jswarm.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The cluster commands against real daemons that {@code init} and {@code join} start in the
 * background (separate JVMs), as a user would run them.
 */
class ClusterCommandsTest {
    @TempDir
    Path root;

    private final List<Path> dataDirs = new ArrayList<>();

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        CommandLine cli = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return new Run(cli.execute(args), out.toString(), err.toString());
    }

    /** These daemons only test the cluster commands: no worker role (no bridges, cgroups) and no dashboards. */
    @org.junit.jupiter.api.BeforeAll
    static void plainDaemons() {
        System.setProperty(io.jswarm.cli.client.DaemonLauncher.DAEMON_ARGS, "--no-worker --dashboard-addr none");
    }

    @org.junit.jupiter.api.AfterAll
    static void restoreDaemonArgs() {
        System.clearProperty(io.jswarm.cli.client.DaemonLauncher.DAEMON_ARGS);
    }

    /** Stops the daemons the commands started, by the pid each wrote into its data directory. */
    @AfterEach
    void stopDaemons() throws Exception {
        for (Path d : dataDirs) {
            Path pid = d.resolve("daemon.pid");
            if (Files.exists(pid)) {
                long p = Long.parseLong(Files.readString(pid).strip());
                ProcessHandle.of(p).ifPresent(h -> {
                    h.destroy();
                    try {
                        h.onExit().get(15, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        h.destroyForcibly();
                    }
                });
            }
        }
    }

    @Test
    @Timeout(180)
    void initJoinTokensAndNodeCommands() throws Exception {
        Path m = root.resolve("m");
        Path w = root.resolve("w");
        dataDirs.add(m);
        dataDirs.add(w);
        Run init = run("init", "--data-dir", m.toString(), "--advertise-addr", "127.0.34.1", "--heartbeat-period", "500ms");
        assertEquals(0, init.code(), init.err());
        assertTrue(init.out().contains("jswarm join --token JSWTKN-1-"), init.out());

        Run token = run("join-token", "-q", "worker", "--data-dir", m.toString());
        assertEquals(0, token.code(), token.err());
        Run badJoin = run("join", "--data-dir", w.toString(), "--token", "JSWTKN-1-nonsense", "--advertise-addr", "127.0.34.2",
                "127.0.34.1:2377");
        assertEquals(ExitCodes.FAILED, badJoin.code());
        assertTrue(badJoin.err().startsWith("jswarm: token: malformed"), badJoin.err());
        Run join = run("join", "--data-dir", w.toString(), "--token", token.out().strip(), "--advertise-addr", "127.0.34.2",
                "127.0.34.1:2377");
        assertEquals(0, join.code(), join.err());
        assertEquals("This node joined a swarm as a worker.\n", join.out());

        Run ls = run("node", "ls", "--data-dir", m.toString());
        assertEquals(0, ls.code(), ls.err());
        assertTrue(ls.out().startsWith("ID "), ls.out());
        assertTrue(ls.out().contains("Leader"), ls.out());
        assertEquals(3, ls.out().lines().count(), ls.out());

        Run onWorker = run("node", "ls", "--data-dir", w.toString());
        assertEquals(ExitCodes.FAILED, onWorker.code());
        assertEquals("jswarm: this node is a worker; run the command on a manager\n", onWorker.err());

        Run update = run("node", "update", "--data-dir", m.toString(), "--availability", "drain", "--label-add", "zone=a", "self");
        assertEquals(0, update.code(), update.err());
        Run inspect = run("node", "inspect", "--data-dir", m.toString(), "self");
        assertTrue(inspect.out().contains("\"availability\" : \"DRAIN\""), inspect.out());
        assertTrue(inspect.out().contains("\"zone\" : \"a\""), inspect.out());
        Run rm = run("node", "update", "--data-dir", m.toString(), "--label-rm", "nope", "self");
        assertEquals(ExitCodes.FAILED, rm.code());
        assertEquals("jswarm: labelRm: node has no label \"nope\"\n", rm.err());

        // A consistent backup, private to its owner, with both nodes in it.
        Path backup = root.resolve("backup.json");
        Run b = run("cluster", "backup", "--data-dir", m.toString(), "-o", backup.toString());
        assertEquals(0, b.code(), b.err());
        String text = Files.readString(backup);
        assertTrue(text.contains("\"node\"") && text.contains("\"formatVersion\":1"), text.substring(0, Math.min(200, text.length())));
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(backup)));

        // A new cluster from the backup: same tokens (same CA and secrets), the worker row kept
        // (DOWN until it reports), the old manager replaced by the new one.
        Path r = root.resolve("r");
        dataDirs.add(r);
        Run restored = run("init", "--data-dir", r.toString(), "--advertise-addr", "127.0.34.3", "--restore", backup.toString());
        assertEquals(0, restored.code(), restored.err());
        assertEquals(token.out(), run("join-token", "-q", "worker", "--data-dir", r.toString()).out());
        Run rls = run("node", "ls", "--data-dir", r.toString());
        assertEquals(3, rls.out().lines().count(), rls.out());
        assertTrue(rls.out().contains("Down") && rls.out().contains("Leader"), rls.out());
        Run notBackup = run("init", "--data-dir", root.resolve("x").toString(), "--advertise-addr", "127.0.34.4",
                "--restore", m.resolve("node.json").toString());
        dataDirs.add(root.resolve("x"));
        assertEquals(ExitCodes.FAILED, notBackup.code());
        assertTrue(notBackup.err().contains("not a jswarm backup"), notBackup.err());

        // node rm: the leader is refused, a READY worker only with --force.
        Run rmManager = run("node", "rm", "--force", "--data-dir", m.toString(), info(m).get("nodeId"));
        assertEquals(ExitCodes.FAILED, rmManager.code());
        assertTrue(rmManager.err().contains("is the Raft leader"), rmManager.err());
        String worker = info(w).get("nodeId");
        Run rmReady = run("node", "rm", "--data-dir", m.toString(), worker);
        assertEquals(ExitCodes.FAILED, rmReady.code());
        assertTrue(rmReady.err().contains("is READY"), rmReady.err());
        // leave: a manager needs --force; the worker leaves, goes DOWN, and can then be removed.
        Run managerLeave = run("leave", "--data-dir", m.toString());
        assertEquals(ExitCodes.FAILED, managerLeave.code());
        assertTrue(managerLeave.err().contains("--force"), managerLeave.err());
        Run leave = run("leave", "--data-dir", w.toString());
        assertEquals(0, leave.code(), leave.err());
        assertTrue(Files.notExists(w.resolve("node.json")) && Files.notExists(w.resolve("certs")), "identity left behind");
        assertEquals(0, run("node", "rm", "--force", "--data-dir", m.toString(), worker).code());
        assertEquals(2, run("node", "ls", "--data-dir", m.toString()).out().lines().count());
    }

    /** The local daemon's /v1/info, through the same code the CLI uses. */
    private static java.util.Map<String, String> info(Path dataDir) {
        try (io.jswarm.cli.client.DaemonConnection c = io.jswarm.cli.client.DaemonConnection.open(
                new io.jswarm.cli.DaemonAddress.UnixSocket(dataDir.resolve("jswarm.sock")), java.time.Duration.ofSeconds(10))) {
            io.jswarm.manager.api.Wire.Info i = c.call(io.vertx.core.http.HttpMethod.GET, "/v1/info", null)
                    .as(io.jswarm.manager.api.Wire.Info.class);
            return java.util.Map.of("nodeId", i.nodeId());
        }
    }
}
