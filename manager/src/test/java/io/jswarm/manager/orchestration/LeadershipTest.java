package io.jswarm.manager.orchestration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The loops act only while started (leading) and catch up with a full pass when started again. */
class LeadershipTest {
    private final InProcessCluster c = new InProcessCluster();

    @AfterEach
    void stop() {
        c.close();
    }

    @Test
    void aFollowerDoesNothingAndANewLeaderCatchesUp() {
        c.addNode("n1");
        String web = c.createService(Specs.replicated("web", 2));
        // Not leading: no loop thread exists, so nothing is created.
        assertEquals(0, c.tasks(web).size());
        c.loops.start();
        c.awaitRunning(web, 2);
        c.loops.stop();
        c.updateService(web, s -> Specs.mode(s, new io.jswarm.api.service.ServiceMode.Replicated(3)));
        assertEquals(2, c.tasks(web).size(), "no loop runs after losing leadership");
        c.loops.start(); // the full pass at leadership start finds the change it missed
        c.awaitRunning(web, 3);
    }
}
