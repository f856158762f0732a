package io.jswarm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CommandLineTest {

    @Test
    void helpListsTheCommandTreeInDockersOrder() {
        CliRun run = CliRun.of("--help");
        assertEquals(0, run.exitCode());
        for (String cmd : List.of("init", "join", "leave", "join-token", "deploy", "node", "service", "stack")) {
            assertTrue(run.out().contains("\n  " + cmd + " "), "missing " + cmd + " in\n" + run.out());
        }
        for (String option : List.of("--data-dir", "-H", "--quiet", "--format", "--debug")) {
            assertTrue(run.out().contains(option), option);
        }
    }

    @Test
    void versionNamesTheProjectVersion() {
        CliRun run = CliRun.of("--version");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().matches("(?s)jswarm \\d+\\.\\d+\\.\\d+.*"), run.out());
    }

    @Test
    void groupsListTheirVerbs() {
        CliRun run = CliRun.of("service");
        assertEquals(0, run.exitCode());
        for (String verb : List.of("create", "ls", "ps", "inspect", "update", "scale", "rm", "logs")) {
            assertTrue(run.out().contains("\n  " + verb + " "), verb + " in\n" + run.out());
        }
    }

    @Test
    void aCommandNotInThisBuildSaysSoPlainly() {
        CliRun run = CliRun.of("service", "update", "--replicas", "3", "web");
        assertEquals(ExitCodes.NOT_AVAILABLE, run.exitCode());
        assertEquals("jswarm: 'jswarm service update' is not available in this build of jswarm yet\n", run.err());
    }

    @Test
    void aTypoGetsASuggestionAndUsageExitCode() {
        CliRun run = CliRun.of("servce", "ls");
        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertTrue(run.err().contains("Did you mean"), run.err());
        assertTrue(run.err().contains("See 'jswarm --help'."), run.err());
        assertFalse(run.err().contains("at io.jswarm"), "no stack trace");
    }

    @Test
    void badGlobalOptionValuesAreUsageErrors() {
        CliRun run = CliRun.of("--format", "xml", "node", "ls");
        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertTrue(run.err().contains("--format"), run.err());
    }

    @Test
    void globalOptionsAreAcceptedAfterTheSubcommandToo() {
        CliRun run = CliRun.of("node", "ls", "--data-dir", "/nonexistent/jswarm-test", "-q", "--format", "json");
        assertEquals(ExitCodes.NO_DAEMON, run.exitCode(), run.err());
    }
}
