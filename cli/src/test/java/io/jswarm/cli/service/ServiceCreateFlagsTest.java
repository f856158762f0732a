package io.jswarm.cli.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jswarm.api.service.PortConfig;
import io.jswarm.api.service.Protocol;
import io.jswarm.api.service.PublishMode;
import io.jswarm.api.service.ServiceMode;
import io.jswarm.api.service.ServiceSpec;
import io.jswarm.api.task.ContainerSpec;
import io.jswarm.api.task.Mount;
import io.jswarm.api.task.MountType;
import io.jswarm.api.task.PlacementPreference;
import io.jswarm.api.task.RestartCondition;
import io.jswarm.api.validate.ServiceSpecValidator;
import io.jswarm.cli.CliException;
import io.jswarm.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code service create} flags → ServiceSpec, without a daemon. */
class ServiceCreateFlagsTest {
    @TempDir
    Path dir;

    private static ServiceSpec spec(String... args) {
        ServiceCreateCommand cmd = new ServiceCreateCommand();
        new CommandLine(cmd).setCaseInsensitiveEnumValuesAllowed(true).setStopAtPositional(true).parseArgs(args);
        return cmd.toSpec();
    }

    /** The full command line's stderr and exit code for a bad flag (no daemon is needed to refuse it). */
    private static String[] failure(String... args) {
        CommandLine cli = Main.commandLine();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(new StringWriter(), true));
        int code = cli.execute(args);
        return new String[] {Integer.toString(code), err.toString()};
    }

    @Test
    void theIssueExampleMapsOntoTheModel() {
        ServiceSpec s = spec("--name", "web", "--replicas", "3", "-p", "published=8080,target=80,mode=host",
                "--limit-memory", "128M", "--constraint", "node.labels.zone==eu", "busybox", "httpd", "-f");
        assertEquals("web", s.name());
        assertEquals(new ServiceMode.Replicated(3), s.mode());
        assertEquals(List.of(new PortConfig(null, Protocol.TCP, 80, 8080, PublishMode.HOST)), s.endpoint().ports());
        assertEquals(128L << 20, s.task().resources().limits().memoryBytes());
        assertEquals(List.of("node.labels.zone==eu"), s.task().placement().constraints());
        ContainerSpec c = s.task().container();
        assertEquals("busybox", c.image());
        assertEquals(List.of("httpd", "-f"), c.args());
        assertTrue(ServiceSpecValidator.validate(s).isEmpty(), ServiceSpecValidator.validate(s).toString());
    }

    @Test
    void everyFlagLandsInItsField() throws Exception {
        Path envFile = Files.writeString(dir.resolve("env"), "# comment\nA=1\n\nB=2\n");
        ServiceSpec s = spec("--name", "api", "--mode", "replicated", "--replicas", "2", "-e", "C=3", "--env-file",
                envFile.toString(), "--label", "team=core", "--container-label", "x=y", "--workdir", "/srv", "--user", "1000:1000",
                "--hostname", "api-host", "--mount", "type=bind,source=/data,target=/data,readonly",
                "--placement-pref", "spread=node.labels.zone", "--replicas-max-per-node", "1", "--reserve-cpu", "0.5",
                "--reserve-memory", "64M", "--limit-cpu", "2", "--limit-pids", "100", "--restart-condition", "on-failure",
                "--restart-delay", "3s", "--restart-max-attempts", "4", "--restart-window", "1m", "--health-cmd", "true",
                "--health-interval", "10s", "--health-timeout", "2s", "--health-retries", "5", "--health-start-period", "1s",
                "--stop-signal", "SIGINT", "--stop-grace-period", "20s", "--entrypoint", "/bin/sh -c", "-d", "busybox", "sleep 1");
        ContainerSpec c = s.task().container();
        assertEquals(List.of("A=1", "B=2", "C=3"), c.env());
        assertEquals(Map.of("team", "core"), s.labels());
        assertEquals(Map.of("x", "y"), c.labels());
        assertEquals("/srv", c.workdir());
        assertEquals("1000:1000", c.user());
        assertEquals("api-host", c.hostname());
        assertEquals(List.of(new Mount(MountType.BIND, "/data", "/data", true, null)), c.mounts());
        assertEquals(List.of(new PlacementPreference("node.labels.zone")), s.task().placement().preferences());
        assertEquals(1, s.task().placement().maxReplicasPerNode());
        assertEquals(500_000_000L, s.task().resources().reservations().nanoCpus());
        assertEquals(64L << 20, s.task().resources().reservations().memoryBytes());
        assertEquals(2_000_000_000L, s.task().resources().limits().nanoCpus());
        assertEquals(100L, s.task().resources().limits().pids());
        var r = s.task().restartPolicy();
        assertEquals(RestartCondition.ON_FAILURE, r.condition());
        assertEquals(Duration.ofSeconds(3), r.delay());
        assertEquals(4, r.maxAttempts());
        assertEquals(Duration.ofMinutes(1), r.window());
        assertEquals(List.of("CMD-SHELL", "true"), c.healthcheck().test());
        assertEquals(Duration.ofSeconds(10), c.healthcheck().interval());
        assertEquals(Duration.ofSeconds(2), c.healthcheck().timeout());
        assertEquals(5, c.healthcheck().retries());
        assertEquals(Duration.ofSeconds(1), c.healthcheck().startPeriod());
        assertEquals("SIGINT", c.stopSignal());
        assertEquals(Duration.ofSeconds(20), c.stopGracePeriod());
        assertEquals(List.of("/bin/sh", "-c"), c.command());
        assertEquals(List.of("sleep 1"), c.args());
        assertTrue(ServiceSpecValidator.validate(s).isEmpty(), ServiceSpecValidator.validate(s).toString());
    }

    @Test
    void modesAndDefaults() {
        assertEquals(new ServiceMode.Global(), spec("--mode", "global", "busybox").mode());
        assertEquals(new ServiceMode.ReplicatedJob(2, 5), spec("--mode", "replicated-job", "--replicas", "5",
                "--max-concurrent", "2", "busybox").mode());
        assertEquals(new ServiceMode.GlobalJob(), spec("--mode", "global-job", "busybox").mode());
        ServiceSpec d = spec("registry.example.com/team/nginx:1.25");
        assertEquals("nginx", d.name(), "default name from the image");
        assertEquals(new ServiceMode.Replicated(1), d.mode());
        assertNull(d.task().container().healthcheck());
        assertEquals(List.of("NONE"), spec("--no-healthcheck", "busybox").task().container().healthcheck().test());
    }

    @Test
    void badFlagsAreRefusedNamingTheFlag() {
        String[] ingress = failure("service", "create", "-p", "8080:80", "busybox");
        assertEquals("2", ingress[0]);
        assertTrue(ingress[1].contains("--publish") && ingress[1].contains("routing mesh"), ingress[1]);
        String[] memory = failure("service", "create", "--limit-memory", "lots", "busybox");
        assertTrue(memory[1].contains("--limit-memory"), memory[1]);
        String[] delay = failure("service", "create", "--restart-delay", "soon", "busybox");
        assertTrue(delay[1].contains("--restart-delay"), delay[1]);
        String[] mount = failure("service", "create", "--mount", "type=bind,source=/x", "busybox");
        assertTrue(mount[1].contains("--mount") && mount[1].contains("target"), mount[1]);
        CliException mode = assertThrows(CliException.class, () -> spec("--mode", "sometimes", "busybox"));
        assertTrue(mode.getMessage().startsWith("--mode:"), mode.getMessage());
        CliException cond = assertThrows(CliException.class, () -> spec("--restart-condition", "always", "busybox"));
        assertTrue(cond.getMessage().startsWith("--restart-condition:"), cond.getMessage());
        CliException rep = assertThrows(CliException.class, () -> spec("--mode", "global", "--replicas", "2", "busybox"));
        assertTrue(rep.getMessage().startsWith("--replicas:"), rep.getMessage());
    }

    @Test
    void scaleTargetsParse() {
        assertEquals(Map.of("web", 5, "api", 2), ServiceScaleCommand.parse(List.of("web=5", "api=2")));
        CliException bad = assertThrows(CliException.class, () -> ServiceScaleCommand.parse(List.of("web=many")));
        assertTrue(bad.getMessage().contains("web=many"));
    }
}
