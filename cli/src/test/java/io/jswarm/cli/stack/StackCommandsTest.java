package io.jswarm.cli.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jswarm.cli.ExitCodes;
import io.jswarm.cli.Main;
import io.jswarm.cli.commands.stack.StackDeployCommand;
import io.jswarm.manager.stack.StackWire;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The stack commands as a user runs them, against the manager's real API routes over a Unix socket. */
class StackCommandsTest {
    @TempDir
    Path dir;

    private LocalApi api;

    record Run(int code, String out, String err) {}

    @BeforeEach
    void start() {
        api = new LocalApi(dir);
    }

    @AfterEach
    void stop() throws Exception {
        api.close();
    }

    private Run run(String... args) {
        CommandLine cli = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return new Run(cli.execute(args), out.toString(), err.toString());
    }

    private Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private static final String SHOP = """
            services:
              web:
                image: busybox:latest
                deploy: {replicas: 2}
                depends_on:
                  migrate: {condition: service_completed_successfully}
                container_name: ignored
              migrate:
                image: busybox:latest
                deploy: {mode: replicated-job}
            """;

    @Test
    void optionsMapToTheRequest() throws Exception {
        Path base = write("base.yml", "services:\n  web:\n    image: busybox:${TAG}\n  debug:\n    image: busybox:latest\n"
                + "    profiles: [debug]\n");
        Path prod = write("prod.yml", "services:\n  web:\n    deploy: {replicas: 3}\n");
        Path env = write("prod.env", "TAG=1.36\n");
        CommandLine cli = Main.commandLine();
        CommandLine.ParseResult pr = cli.parseArgs("stack", "deploy", "-c", base.toString(), "-c", prod.toString(),
                "--env-file", env.toString(), "--profile", "debug", "--prune", "--timeout", "2m", "shop");
        StackDeployCommand cmd = (StackDeployCommand) pr.subcommand().subcommand().commandSpec().userObject();
        StackWire.DeployRequest req = cmd.request(cmd.load());
        assertTrue(req.prune());
        assertEquals(120L, req.timeoutSeconds());
        assertEquals(List.of("shop_debug", "shop_web"), req.services().stream().map(s -> s.name()).toList());
        var web = req.services().get(1);
        assertEquals("busybox:1.36", web.task().container().image());
        assertEquals(new io.jswarm.api.service.ServiceMode.Replicated(3), web.mode());

        CommandLine.ParseResult top = Main.commandLine().parseArgs("deploy", "-c", base.toString(), "shop");
        StackDeployCommand alias = (StackDeployCommand) top.subcommand().commandSpec().userObject();
        StackWire.DeployRequest plain = alias.request(alias.load());
        assertEquals(false, plain.prune());
        assertEquals(300L, plain.timeoutSeconds());
        assertEquals(List.of("shop_web"), plain.services().stream().map(s -> s.name()).toList(), "profile services need --profile");
    }

    @Test
    void deployShowsProgressUntilConvergedThenTheStackCommandsSeeIt() throws Exception {
        Path file = write("stack.yml", SHOP);
        Run deploy = run("-H", api.host(), "stack", "deploy", "-c", file.toString(), "shop");
        assertEquals(0, deploy.code(), deploy.err() + deploy.out());
        assertTrue(deploy.err().contains("stack.yml:7:5: services.web.container_name"), deploy.err());
        assertTrue(deploy.out().contains("Creating service shop_migrate\nCreating service shop_web\n"), deploy.out());
        assertTrue(deploy.out().matches("(?s).*shop_web +2/2 +running\n.*"), deploy.out());
        assertTrue(deploy.out().matches("(?s).*shop_migrate +1/1 +completed\n.*"), deploy.out());
        assertTrue(deploy.out().endsWith("Stack shop converged\n"), deploy.out());

        Run again = run("-H", api.host(), "deploy", "--detach", "-c", file.toString(), "shop");
        assertEquals(0, again.code(), again.err());
        assertEquals("Unchanged service shop_migrate\nUnchanged service shop_web\n", again.out());

        Run ls = run("-H", api.host(), "stack", "ls");
        assertEquals("NAME   SERVICES\nshop   2\n", ls.out());
        Run services = run("-H", api.host(), "stack", "services", "shop");
        assertTrue(services.out().contains("shop_web") && services.out().contains("2/2"), services.out());
        Run ps = run("-H", api.host(), "stack", "ps", "shop");
        assertEquals(0, ps.code(), ps.err());
        assertTrue(ps.out().contains("shop_web.1") && ps.out().contains("shop_web.2") && ps.out().contains("shop_migrate.1"), ps.out());
        Run rm = run("-H", api.host(), "stack", "rm", "shop");
        assertEquals("Removing service shop_migrate\nRemoving service shop_web\n", rm.out());
        assertEquals(List.of(), api.serviceNames());
        assertEquals("Nothing found in stack: shop\n", run("-H", api.host(), "stack", "rm", "shop").out());
    }

    @Test
    void aBadFileIsReportedByLineAndNothingIsDeployed() throws Exception {
        Path file = write("bad.yml", "services:\n  web:\n    image: busybox:latest\n    deploy:\n      replicas: three\n");
        Run r = run("-H", api.host(), "stack", "deploy", "-c", file.toString(), "shop");
        assertEquals(ExitCodes.FAILED, r.code());
        assertTrue(r.err().contains("bad.yml:5:17: services.web.deploy.replicas"), r.err());
        assertEquals(List.of(), api.serviceNames());
    }

    @Test
    void aNameTakenOutsideTheStackFailsNamingTheService() throws Exception {
        run("-H", api.host(), "service", "create", "--detach", "--name", "shop_web", "busybox:latest");
        Run r = run("-H", api.host(), "stack", "deploy", "-c", write("s.yml", "services:\n  web:\n    image: busybox:latest\n").toString(),
                "shop");
        assertEquals(ExitCodes.FAILED, r.code());
        assertTrue(r.err().contains("shop_web: a service of that name already exists outside this stack"), r.err());
    }
}
