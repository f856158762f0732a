package io.jswarm.worker.resources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jswarm.api.node.NodeResources;
import org.junit.jupiter.api.Test;

class HostResourcesTest {
    @Test
    void parsesMemTotalAndCountsCpusInNanoCpus() {
        NodeResources r = HostResources.of(2, "MemTotal:       24684296 kB\nMemFree:        24112345 kB\n");
        assertEquals(2_000_000_000L, r.nanoCpus());
        assertEquals(24684296L * 1024, r.memoryBytes());
    }

    @Test
    void missingMemTotalIsAClearError() {
        assertEquals("/proc/meminfo has no MemTotal line",
                assertThrows(IllegalArgumentException.class, () -> HostResources.memTotalBytes("MemFree: 1 kB\n")).getMessage());
    }

    @Test
    void thisHostReportsSomething() {
        NodeResources r = HostResources.ofThisHost();
        assertTrue(r.nanoCpus() >= 1_000_000_000L && r.memoryBytes() > 0, r.toString());
    }
}
