package io.jswarm.compose.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Every key the compose specification's JSON Schema defines is either read or knowingly ignored
 * with a warning, so a valid compose file never meets "unknown key" for a real Compose key.
 * Skipped when ../shared/compose-fixtures is absent.
 */
class SchemaCoverageTest {
    static final Path SCHEMA = Path.of("..", "..", "shared", "compose-fixtures", "compose-spec", "compose-spec.json");

    private static JsonNode schema() throws IOException {
        Assumptions.assumeTrue(Files.isRegularFile(SCHEMA), "compose-spec schema not present at " + SCHEMA.toAbsolutePath() + "; skipped");
        return new ObjectMapper().readTree(SCHEMA.toFile());
    }

    /** Draft 2020-12 names them $defs; older drafts definitions. */
    private static JsonNode defs(JsonNode schema) {
        return schema.has("$defs") ? schema.get("$defs") : schema.get("definitions");
    }

    private static List<String> uncovered(JsonNode properties, Set<String> known, Set<String> ignored) {
        List<String> out = new ArrayList<>();
        properties.fieldNames().forEachRemaining(k -> {
            if (!known.contains(k) && !ignored.contains(k)) {
                out.add(k);
            }
        });
        return out;
    }

    @Test
    void everyServiceKeyIsReadOrWarnedAbout() throws IOException {
        JsonNode props = defs(schema()).get("service").get("properties");
        Set<String> notRead = new TreeSet<>(IgnoredKeys.SERVICE_IGNORED.keySet());
        notRead.addAll(IgnoredKeys.SERVICE_UNSUPPORTED.keySet());
        assertEquals(List.of(), uncovered(props, IgnoredKeys.SERVICE, notRead));
        assertTrue(props.size() > 80, "the schema was read");
    }

    @Test
    void everyDeployAndTopLevelKeyIsKnown() throws IOException {
        JsonNode s = schema();
        assertEquals(List.of(), uncovered(defs(s).get("deployment").get("properties"), DeployReader.KEYS, Set.of()));
        Set<String> notRead = new TreeSet<>(ProjectReader.TOP_IGNORED.keySet());
        notRead.addAll(ProjectReader.TOP_UNSUPPORTED.keySet());
        assertEquals(List.of(), uncovered(s.get("properties"), ProjectReader.TOP, notRead));
    }

    @Test
    void readKeysAreRealComposeKeys() throws IOException {
        Set<String> schemaKeys = new TreeSet<>();
        defs(schema()).get("service").get("properties").fieldNames().forEachRemaining(schemaKeys::add);
        for (String k : IgnoredKeys.SERVICE) {
            assertTrue(schemaKeys.contains(k), k + " is not a compose-spec service key");
        }
    }
}
