package io.jswarm.cli.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.jswarm.cli.output.OutputFormat;
import org.junit.jupiter.api.Test;

class EventsRenderTest {
    static final String TASK = "data: {\"kind\":\"task\",\"action\":\"update\",\"object\":{\"id\":\"t1\",\"meta\":{\"updatedAt\":"
            + "\"2026-01-01T00:00:00Z\"},\"serviceId\":\"s1\",\"slot\":2,\"nodeId\":\"n1\",\"desiredState\":\"RUNNING\","
            + "\"status\":{\"state\":\"RUNNING\"}}}";

    @Test
    void linesReadLikeDockerEvents() {
        assertEquals("2026-01-01T00:00:00Z task update t1 (service=s1, slot=2, node=n1, state=RUNNING, desired=RUNNING)",
                EventsCommand.render(TASK, OutputFormat.TABLE, false));
        assertEquals(TASK.substring("data: ".length()), EventsCommand.render(TASK, OutputFormat.JSON, false));
    }

    @Test
    void commentsSeparatorsAndSnapshotsAreSkippedUnlessAsked() {
        assertNull(EventsCommand.render(": jswarm events", OutputFormat.TABLE, false));
        assertNull(EventsCommand.render("", OutputFormat.TABLE, false));
        String snap = "data: {\"kind\":\"service\",\"action\":\"snapshot\",\"object\":{\"id\":\"s1\",\"spec\":{\"name\":\"web\"}}}";
        assertNull(EventsCommand.render(snap, OutputFormat.TABLE, false));
        assertEquals(" service snapshot s1 (name=web)", EventsCommand.render(snap, OutputFormat.TABLE, true));
    }
}
