package io.jswarm.cli.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jswarm.api.service.PublishMode;
import io.jswarm.api.service.ServiceMode;
import io.jswarm.cli.Main;
import io.jswarm.cli.commands.stack.StackDeployCommand;
import io.jswarm.compose.LoadResult;
import io.jswarm.compose.model.Dependency.Condition;
import io.jswarm.manager.stack.StackWire;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** examples/stack.yml: `stack config` accepts it without warnings, and it has the shape the quick start relies on. */
class ExamplesTest {
    private static final Path STACK = Path.of("..", "examples", "stack.yml");

    @Test
    void stackConfigAcceptsTheExampleWithoutWarnings() {
        assertTrue(Files.exists(STACK), STACK.toAbsolutePath().toString());
        CommandLine cli = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute("stack", "config", "-c", STACK.toString());
        assertEquals(0, code, err.toString());
        assertEquals("", err.toString(), "no warnings");
        assertTrue(out.toString().contains("name: demo"), out.toString());
    }

    @Test
    void theExampleIsAWebTierAJobAndAHealthGatedDependency() {
        StackDeployCommand cmd = (StackDeployCommand) Main.commandLine().parseArgs("deploy", "-c", STACK.toString(), "demo")
                .subcommand().commandSpec().userObject();
        LoadResult r = cmd.load();
        StackWire.DeployRequest req = cmd.request(r);
        assertEquals(List.of("demo_backend", "demo_seed", "demo_web"), req.order());
        var web = req.services().get(2);
        assertEquals(PublishMode.HOST, web.endpoint().ports().get(0).publishMode());
        assertEquals(8081, web.endpoint().ports().get(0).publishedPort());
        assertEquals(new ServiceMode.ReplicatedJob(3, 3), req.services().get(1).mode());
        assertTrue(req.dependsOn().contains(new StackWire.Wait("demo_seed", "demo_backend", Condition.SERVICE_HEALTHY, true)),
                req.dependsOn().toString());
        assertTrue(req.dependsOn().contains(new StackWire.Wait("demo_web", "demo_seed", Condition.SERVICE_COMPLETED_SUCCESSFULLY, true)),
                req.dependsOn().toString());
    }
}
