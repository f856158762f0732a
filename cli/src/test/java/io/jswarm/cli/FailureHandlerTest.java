package io.jswarm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jswarm.api.validate.Problem;
import io.jswarm.api.validate.ValidationException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class FailureHandlerTest {

    @Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        static Exception next;

        @Override
        public Integer call() throws Exception {
            throw next;
        }
    }

    private static CliRun run(Exception e, String... extra) {
        Boom.next = e;
        CommandLine cli = Main.commandLine();
        cli.addSubcommand(new Boom());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        String[] args = new String[extra.length + 1];
        System.arraycopy(extra, 0, args, 0, extra.length);
        args[extra.length] = "boom";
        return new CliRun(cli.execute(args), out.toString(), err.toString());
    }

    @Test
    void validationProblemsArePrintedOnePerLineWithTheirFieldPath() {
        CliRun r = run(new ValidationException(List.of(new Problem("mode.replicas", "must be a non-negative integer, got -1"),
                new Problem("name", "must not be empty"))));
        assertEquals(ExitCodes.FAILED, r.exitCode());
        assertEquals("jswarm: mode.replicas: must be a non-negative integer, got -1\njswarm: name: must not be empty\n", r.err());
    }

    @Test
    void cliExceptionsKeepTheirExitCode() {
        CliRun r = run(new CliException(ExitCodes.NO_DAEMON, "no daemon at unix:///x/jswarm.sock"));
        assertEquals(ExitCodes.NO_DAEMON, r.exitCode());
        assertEquals("jswarm: no daemon at unix:///x/jswarm.sock\n", r.err());
    }

    @Test
    void unexpectedErrorsShowNoStackTraceUnlessDebug() {
        CliRun quiet = run(new IllegalStateException("kaput"));
        assertEquals(ExitCodes.FAILED, quiet.exitCode());
        assertTrue(quiet.err().contains("kaput"));
        assertTrue(quiet.err().contains("--debug"));
        assertFalse(quiet.err().contains("\tat "), quiet.err());
        CliRun debug = run(new IllegalStateException("kaput"), "--debug");
        assertTrue(debug.err().contains("\tat "), debug.err());
    }
}
