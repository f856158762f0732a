package io.jswarm.manager.cluster;

import static io.jswarm.manager.cluster.TestCluster.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jswarm.api.node.NodeState;
import io.jswarm.manager.api.Wire;
import io.jswarm.manager.ca.NodeCredentials;
import io.jswarm.testkit.Await;
import io.vertx.core.http.HttpMethod;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** S5: with 20-second certificates, nodes renew in time and keep their sessions past the first expiry. */
class CertRenewalTest {
    @TempDir
    Path root;

    static BigInteger serial(NodeProcess n) throws Exception {
        return NodeCredentials.load(n.dataDir.resolve("certs")).certificate().getSerialNumber();
    }

    @Test
    @Timeout(180)
    void shortLivedCertificatesAreRenewedWithoutDroppingTheSession() throws Exception {
        try (TestCluster c = new TestCluster(root)) {
            NodeProcess m1 = c.add("m1", "127.0.38.1");
            NodeProcess w1 = c.add("w1", "127.0.38.2");
            c.startAll();
            ok(m1.call(HttpMethod.POST, "/v1/swarm/init",
                    new Wire.InitRequest(m1.ip, null, Duration.ofMillis(500), null, Duration.ofSeconds(20))));
            ok(c.join(w1, c.tokens(m1).worker(), m1));
            String workerId = c.info(w1).nodeId();
            BigInteger workerFirst = serial(w1);
            BigInteger managerFirst = serial(m1);
            Instant firstExpiry = NodeCredentials.load(w1.dataDir.resolve("certs")).certificate().getNotAfter().toInstant();

            Await.until("worker certificate renewed", Duration.ofSeconds(30), () -> serial(w1), s -> !s.equals(workerFirst));
            Await.until("manager certificate renewed", Duration.ofSeconds(30), () -> serial(m1), s -> !s.equals(managerFirst));
            // Past the first certificate's expiry the worker is still heard from (its session
            // uses the new certificate) and the manager still answers over TLS.
            Await.until("first certificate expired", Duration.ofSeconds(40), Instant::now, now -> now.isAfter(firstExpiry.plusSeconds(2)));
            assertEquals(NodeState.READY, ManagerFailoverTest.node(m1, workerId).status().state());
            assertTrue(NodeCredentials.load(w1.dataDir.resolve("certs")).certificate().getNotAfter().toInstant()
                    .isAfter(Instant.now()), "the worker's certificate on disk has expired");
            assertNotEquals(workerFirst, serial(w1));
            // The worker is still identified as a worker after renewal.
            assertEquals(io.jswarm.api.node.NodeRole.WORKER,
                    NodeCredentials.load(w1.dataDir.resolve("certs")).identity().role());
        }
    }
}
