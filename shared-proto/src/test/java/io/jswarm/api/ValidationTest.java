package io.jswarm.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jswarm.api.json.Json;
import io.jswarm.api.json.JsonInputException;
import io.jswarm.api.service.ServiceSpec;
import io.jswarm.api.validate.Problem;
import io.jswarm.api.validate.ServiceSpecValidator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input of every kind, given as the JSON a client would send. Each case must be refused with
 * exactly the expected field path, whether the problem is caught while reading (types, units) or
 * by the validator (ranges, syntax, duplicates).
 */
class ValidationTest {

    private static Arguments bad(String path, String messagePart, Consumer<ObjectNode> edit) {
        return Arguments.of(path, messagePart, edit);
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
                bad("mode.replicas", "non-negative", s -> obj(s, "mode").put("replicas", -1)),
                bad("mode.replicas", "at most", s -> obj(s, "mode").put("replicas", 5_000_000)),
                bad("endpoint.ports[0].targetPort", "between 1 and 65535", s -> port(s, 0).put("targetPort", 0)),
                bad("endpoint.ports[0].publishedPort", "between 1 and 65535", s -> port(s, 0).put("publishedPort", 65536)),
                bad("endpoint.ports[1].publishedPort", "already published by ports[0]",
                        s -> port(s, 1).put("publishedPort", 8080).put("protocol", "tcp")),
                bad("task.container.stopGracePeriod", "invalid duration \"10x\"", s -> obj(s, "task", "container").put("stopGracePeriod", "10x")),
                bad("task.container.healthcheck.interval", "invalid duration", s -> obj(s, "task", "container", "healthcheck").put("interval", "5 minutes")),
                bad("task.restartPolicy.delay", "must not be negative", s -> obj(s, "task", "restartPolicy").put("delay", "-3s")),
                bad("task.resources.limits.memoryBytes", "invalid size \"lots\"", s -> obj(s, "task", "resources", "limits").put("memoryBytes", "lots")),
                bad("task.resources.limits.memoryBytes", "must be > 0, got -1", s -> obj(s, "task", "resources", "limits").put("memoryBytes", -1)),
                bad("task.resources.limits.memoryBytes", "at least 6MiB", s -> obj(s, "task", "resources", "limits").put("memoryBytes", "1M")),
                bad("task.resources.reservations.memoryBytes", "exceeds the limit", s -> obj(s, "task", "resources", "reservations").put("memoryBytes", "1G")),
                bad("task.resources.limits.nanoCpus", "must be > 0", s -> obj(s, "task", "resources", "limits").put("nanoCpus", 0)),
                bad("name", "invalid name \"web/api\"", s -> s.put("name", "web/api")),
                bad("name", "at most 63 characters, got 64", s -> s.put("name", "a".repeat(64))),
                bad("name", "must not be empty", s -> s.put("name", "")),
                bad("name", "\\x00", s -> s.put("name", "we\u0000b")),
                bad("task.placement.constraints[0]", "not of the form", s -> constraints(s).set(0, Json.mapper().getNodeFactory().textNode("node.labels.zone"))),
                bad("task.placement.constraints[1]", "unknown key \"node.colour\"", s -> constraints(s).set(1, Json.mapper().getNodeFactory().textNode("node.colour==red"))),
                bad("task.placement.constraints[0]", "node.role is manager or worker", s -> constraints(s).set(0, Json.mapper().getNodeFactory().textNode("node.role==boss"))),
                bad("task.placement.constraints[0]", "invalid regular expression", s -> constraints(s).set(0, Json.mapper().getNodeFactory().textNode("node.hostname=~web-(["))),
                bad("task.placement.maxReplicasPerNode", "must be >= 0", s -> obj(s, "task", "placement").put("maxReplicasPerNode", -2)),
                bad("task.container.image", "must not be empty", s -> obj(s, "task", "container").put("image", " ")),
                bad("task.container.mounts[0].source", "absolute host path", s -> ((ObjectNode) obj(s, "task", "container").withArray("mounts").get(0)).put("source", "relative/dir")),
                bad("task.container.mounts[2].target", "already mounted by mounts[1]", s -> ((ObjectNode) obj(s, "task", "container").withArray("mounts").get(2)).put("target", "/cache")),
                bad("task.container.stopSignal", "unknown signal", s -> obj(s, "task", "container").put("stopSignal", "SIGFOO")),
                bad("task.container.healthcheck.test", "must start with CMD", s -> obj(s, "task", "container", "healthcheck").set("test",
                        Json.mapper().createArrayNode().add("RUN").add("true"))),
                bad("update.maxFailureRatio", "between 0 and 1", s -> obj(s, "update").put("maxFailureRatio", 1.5)),
                bad("task.preferences", "unknown field \"preferences\"", s -> obj(s, "task").put("preferences", "x")),
                bad("mode.replicas", "expected an integer", s -> obj(s, "mode").put("replicas", "three")),
                bad("endpoint.ports[0].protocol", "one of tcp udp sctp", s -> port(s, 0).put("protocol", "icmp")),
                bad("mode", "unknown type \"sometimes\"", s -> obj(s, "mode").put("type", "sometimes")),
                bad("task.container.workdir", "absolute path", s -> obj(s, "task", "container").put("workdir", "srv")));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("badInputs")
    void badInputIsRefusedWithTheFieldPath(String path, String messagePart, Consumer<ObjectNode> edit) {
        ObjectNode json = Json.mapper().valueToTree(Fixtures.serviceSpec());
        edit.accept(json);
        List<Problem> problems = problemsOf(json.toString());
        assertTrue(problems.stream().anyMatch(p -> p.path().equals(path) && p.message().contains(messagePart)),
                "expected " + path + ": …" + messagePart + "…, got " + problems);
    }

    @Test
    void theFixtureItselfIsValid() {
        assertEquals(List.of(), ServiceSpecValidator.validate(Fixtures.serviceSpec()));
    }

    @Test
    void everyProblemIsReportedNotJustTheFirst() {
        ObjectNode json = Json.mapper().valueToTree(Fixtures.serviceSpec());
        json.put("name", "bad name");
        obj(json, "mode").put("replicas", -1);
        port(json, 0).put("targetPort", 70000);
        List<Problem> problems = problemsOf(json.toString());
        assertEquals(List.of("name", "mode.replicas", "endpoint.ports[0].targetPort"), problems.stream().map(Problem::path).toList());
    }

    @Test
    void malformedJsonSaysWhere() {
        JsonInputException e = assertThrows(JsonInputException.class, () -> Json.read("{\"name\": \"x\",\n  \"mode\": }", ServiceSpec.class));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }

    @Test
    void absurdNestingIsRefused() {
        String deep = "[".repeat(5_000) + "]".repeat(5_000);
        assertThrows(JsonInputException.class, () -> Json.read(deep, Object.class));
    }

    /** What an API handler does: read (type/unit problems), then validate (everything else). */
    private static List<Problem> problemsOf(String json) {
        ServiceSpec spec;
        try {
            spec = Json.read(json, ServiceSpec.class);
        } catch (JsonInputException e) {
            return List.of(e.problem());
        }
        return ServiceSpecValidator.validate(spec);
    }

    private static ObjectNode obj(ObjectNode root, String... path) {
        ObjectNode n = root;
        for (String p : path) {
            n = n.with(p);
        }
        return n;
    }

    private static ObjectNode port(ObjectNode root, int i) {
        return (ObjectNode) obj(root, "endpoint").withArray("ports").get(i);
    }

    private static ArrayNode constraints(ObjectNode root) {
        return obj(root, "task", "placement").withArray("constraints");
    }
}
