package io.jswarm.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The interpolation environment: the project's .env, --env-file, and the process environment on top. */
class EnvFilesTest {
    private static final String FILE = "services:\n  web:\n    image: \"app:${TAG}\"\n    hostname: ${HOST:-dflt}\n";

    @Test
    void dotEnvInTheProjectDirectoryIsReadByDefault() {
        var c = Project.of(FILE).file(".env", "TAG=1.2\nHOST=from-dotenv\n").service("web").task().container();
        assertEquals("app:1.2", c.image());
        assertEquals("from-dotenv", c.hostname());
    }

    @Test
    void processEnvironmentWinsOverEnvFiles() {
        var c = Project.of(FILE).file(".env", "TAG=1.2\n").env(Map.of("TAG", "9")).service("web").task().container();
        assertEquals("app:9", c.image());
    }

    @Test
    void explicitEnvFilesReplaceDotEnvAndLaterOnesWin() {
        var c = Project.of(FILE).file(".env", "TAG=dotenv\n").file("a.env", "TAG=a\nHOST=a\n").file("b.env", "TAG=b\n")
                .envFiles("a.env", "b.env").service("web").task().container();
        assertEquals("app:b", c.image());
        assertEquals("a", c.hostname());
    }

    @Test
    void envFileValuesMayUseTheProcessEnvironment() {
        var c = Project.of(FILE).file(".env", "TAG=${BASE}-rc\n").env(Map.of("BASE", "3")).service("web").task().container();
        assertEquals("app:3-rc", c.image());
    }

    @Test
    void unsetVariablesAreWarnedAboutWithTheirPlace() {
        LoadResult r = Project.of(FILE).load();
        ComposeProblem w = r.warnings().get(0);
        assertEquals("/p/compose.yml:3:12: services.web.image: variable TAG is not set; using an empty string", w.toString());
    }

    @Test
    void badEnvFilesAndMissingExplicitOnesAreErrorsWithTheirLine() {
        ComposeException e = Project.of(FILE).file(".env", "A=1\nNOT VALID\n").fail();
        assertEquals("/p/.env", e.problems().get(0).file());
        assertEquals(2, e.problems().get(0).line());
        e = Project.of(FILE).envFiles("prod.env").fail();
        assertTrue(e.getMessage().contains("/p/prod.env: env file not found"), e.getMessage());
    }
}
