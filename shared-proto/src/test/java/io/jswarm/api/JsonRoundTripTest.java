package io.jswarm.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jswarm.api.json.Json;
import io.jswarm.api.node.Node;
import io.jswarm.api.service.Service;
import io.jswarm.api.service.ServiceMode;
import io.jswarm.api.service.ServiceSpec;
import io.jswarm.api.task.ContainerSpec;
import io.jswarm.api.task.Task;
import io.jswarm.api.task.TaskSpec;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class JsonRoundTripTest {

    static Stream<Object> everyRecord() {
        return Stream.of(Fixtures.node(), Fixtures.service(), Fixtures.task(), Fixtures.serviceSpec(),
                Fixtures.taskSpec(), Fixtures.container(),
                new ServiceMode.Replicated(0), new ServiceMode.Global(), new ServiceMode.ReplicatedJob(2, 10),
                new ServiceMode.GlobalJob(),
                // Minimal objects: defaults filled in by compact constructors must survive too.
                new ServiceSpec("x", null, TaskSpec.of(ContainerSpec.of("busybox")), null, null, null, null));
    }

    @ParameterizedTest
    @MethodSource("everyRecord")
    void everyModelRecordSurvivesARoundTrip(Object original) {
        String json = Json.write(original);
        Object back = Json.read(json, original.getClass());
        assertEquals(original, back, json);
        assertEquals(json, Json.write(back), "writing is stable");
    }

    @Test
    void sealedModesRoundTripThroughTheInterface() {
        for (ServiceMode m : new ServiceMode[] {new ServiceMode.Replicated(5), new ServiceMode.Global(),
                new ServiceMode.ReplicatedJob(1, 3), new ServiceMode.GlobalJob()}) {
            assertEquals(m, Json.read(Json.write(m), ServiceMode.class));
        }
        assertTrue(Json.write(new ServiceMode.ReplicatedJob(1, 3)).contains("\"type\":\"replicated-job\""));
    }

    @Test
    void durationsAreWrittenAsDockerUsersWriteThem() {
        String json = Json.write(Fixtures.container());
        assertTrue(json.contains("\"stopGracePeriod\":\"20s\""), json);
        assertTrue(json.contains("\"timeout\":\"1.5s\""), json);
        assertEquals(Duration.ofNanos(1_000_000_001L),
                Json.read(Json.write(new Wrapper(Duration.ofNanos(1_000_000_001L))), Wrapper.class).d());
    }

    record Wrapper(Duration d) {}

    @Test
    void instantsKeepNanoseconds() {
        Task back = Json.read(Json.write(Fixtures.task()), Task.class);
        assertEquals(Fixtures.T0, back.status().timestamp());
    }

    @Test
    void memoryMayBeWrittenAsTextOnInput() {
        String json = "{\"nanoCpus\":500000000,\"memoryBytes\":\"1.5G\"}";
        var r = Json.read(json, io.jswarm.api.task.Resources.class);
        assertEquals(1536L << 20, r.memoryBytes());
    }

    @Test
    void nullsAreLeftOut() {
        assertFalse(Json.write(Fixtures.node()).contains("null"));
    }

    @Test
    void nodeAndServiceKeepTheirIdentity() {
        Node n = Json.read(Json.write(Fixtures.node()), Node.class);
        assertTrue(n.isManager());
        Service s = Json.read(Json.write(Fixtures.service()), Service.class);
        assertEquals(42, s.version());
    }
}
