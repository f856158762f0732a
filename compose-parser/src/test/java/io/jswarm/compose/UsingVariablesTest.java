package io.jswarm.compose;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * compose-go's using-variables.yaml sets every field through ${VARIABLE}. Whatever the value, the
 * loader must answer with positioned problems (never a crash, never "unknown key" for a real
 * Compose key). Skipped when ../shared/compose-fixtures is absent.
 */
class UsingVariablesTest {
    static final Path FILE = Path.of("..", "..", "shared", "compose-fixtures", "compose-spec", "using-variables.yaml");

    @Test
    void everyValueIsTypeCheckedAfterInterpolationWithAPosition() throws IOException {
        Assumptions.assumeTrue(Files.isRegularFile(FILE), "compose-spec fixtures not present; skipped");
        String yaml = Files.readString(FILE);
        for (String value : new String[] {"", "1", "abc", "true"}) {
            ComposeException e = Project.of(yaml).name("vars").env(Map.of("VARIABLE", value)).fail();
            for (ComposeProblem p : e.problems()) {
                assertTrue(p.line() > 0 && p.column() > 0, "no position: " + p);
                assertTrue(!p.message().startsWith("unknown key"), "a compose-spec key was not recognised: " + p);
            }
            assertTrue(e.problems().stream().anyMatch(p -> p.path().equals("services.foo.deploy.rollback_config.delay")),
                    "VARIABLE=" + value + ": " + e.getMessage());
        }
    }
}
