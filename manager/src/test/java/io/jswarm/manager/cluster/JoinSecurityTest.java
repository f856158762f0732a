package io.jswarm.manager.cluster;

import static io.jswarm.manager.cluster.TestCluster.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jswarm.api.node.NodeRole;
import io.jswarm.manager.api.Wire;
import io.jswarm.manager.ca.JoinToken;
import io.jswarm.manager.ca.NodeCredentials;
import io.jswarm.manager.ca.NodeIdentity;
import io.jswarm.manager.ca.RootCa;
import io.jswarm.manager.client.ApiClient;
import io.jswarm.manager.client.ApiResponse;
import io.jswarm.testkit.FakeClock;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.KeyCertOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.net.TrustOptions;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Bootstrap trust, against a real manager in its own JVM (S1–S4, S6 of RELIABILITY.md). */
class JoinSecurityTest {
    @TempDir
    Path root;

    @Test
    @Timeout(240)
    void joinsAreAuthenticatedBothWaysAndRolesAreEnforced() throws Exception {
        try (TestCluster c = new TestCluster(root)) {
            NodeProcess m1 = c.add("m1", "127.0.32.1");
            NodeProcess w1 = c.add("w1", "127.0.32.2");
            NodeProcess x = c.add("x", "127.0.32.3");
            c.startAll();
            c.init(m1, Duration.ofSeconds(1));
            Wire.JoinTokens tokens = c.tokens(m1);
            JoinToken worker = JoinToken.parse(tokens.worker());
            String manager = m1.ip + ":2377";

            // S1: malformed tokens are refused before any network call (nothing listens at .99).
            ApiResponse malformed = x.call(HttpMethod.POST, "/v1/swarm/join",
                    new Wire.JoinRequest(tokens.worker().substring(0, 40), "127.0.32.99:2377", x.ip, null));
            assertEquals(400, malformed.status(), malformed.body());
            assertTrue(malformed.body().contains("\"field\":\"token\""), malformed.body());
            // S1: a well-formed token with a wrong secret is refused by the manager.
            ApiResponse wrongSecret = c.join(x, new JoinToken(worker.caDigest(), JoinToken.newSecret()).toString(), m1);
            assertEquals(401, wrongSecret.status(), wrongSecret.body());
            // S2: a token whose CA digest is not the manager's: the joiner aborts on its own.
            RootCa other = RootCa.create("other", new FakeClock());
            ApiResponse wrongCa = c.join(x, new JoinToken(other.digest(), worker.secret()).toString(), m1);
            assertEquals(400, wrongCa.status(), wrongCa.body());
            assertTrue(wrongCa.error().contains("does not match the token"), wrongCa.error());

            // S2, stronger: an impostor with its own CA never receives a single request (no secret).
            AtomicInteger requests = new AtomicInteger();
            KeyPair kp = RootCa.newKeyPair();
            NodeCredentials impostor = new NodeCredentials(kp.getPrivate(), other.issue(kp.getPublic(),
                    new NodeIdentity("evil", NodeRole.MANAGER, "other"), List.of("127.0.32.9"), Duration.ofHours(1),
                    new FakeClock()), other.certificate());
            HttpServer fake = c.vertx.createHttpServer(new HttpServerOptions().setSsl(true)
                            .setKeyCertOptions(KeyCertOptions.wrap(impostor.keyManagers())))
                    .requestHandler(req -> {
                        requests.incrementAndGet();
                        req.response().setStatusCode(500).end();
                    }).listen(SocketAddress.inetSocketAddress(2377, "127.0.32.9")).await();
            try {
                ApiResponse toImpostor = x.call(HttpMethod.POST, "/v1/swarm/join",
                        new Wire.JoinRequest(tokens.worker(), "127.0.32.9:2377", x.ip, null));
                assertEquals(400, toImpostor.status(), toImpostor.body());
                assertTrue(toImpostor.error().contains("refusing to send the join secret"), toImpostor.error());
                assertEquals(0, requests.get(), "the joiner talked to an impostor manager");
            } finally {
                fake.close().await();
            }

            // A real worker joins; its certificate names its role.
            ok(c.join(w1, tokens.worker(), m1));
            NodeCredentials workerCreds = NodeCredentials.load(w1.dataDir.resolve("certs"));
            assertEquals(NodeRole.WORKER, workerCreds.identity().role());
            NodeCredentials managerCreds = NodeCredentials.load(m1.dataDir.resolve("certs"));

            // S3: a worker certificate cannot call manager-only endpoints; a manager's can.
            try (ApiClient asWorker = ApiClient.mutualTls(c.vertx, workerCreds, Duration.ofSeconds(10));
                 ApiClient asManager = ApiClient.mutualTls(c.vertx, managerCreds, Duration.ofSeconds(10));
                 ApiClient anonymous = ApiClient.pinned(c.vertx, managerCreds.ca(), Duration.ofSeconds(10))) {
                assertEquals(403, asWorker.callAndWait(manager, HttpMethod.GET, "/v1/nodes", null).status());
                assertEquals(403, asWorker.callAndWait(manager, HttpMethod.GET, "/v1/join-tokens", null).status());
                assertEquals(403, asWorker.callAndWait(manager, HttpMethod.POST, "/v1/dispatcher/heartbeat",
                        new Wire.Heartbeat(managerCreds.identity().nodeId())).status(), "heartbeat for another node");
                assertEquals(200, asManager.callAndWait(manager, HttpMethod.GET, "/v1/nodes", null).status());
                // S4: TLS without a client certificate reaches only the join endpoint.
                assertEquals(401, anonymous.callAndWait(manager, HttpMethod.GET, "/v1/nodes", null).status());
            }
            // S4: a client that insists on presenting a certificate from another CA is refused in
            // the handshake. (A normal client would not even offer it: the server names the
            // cluster CA as the only acceptable issuer; then it is anonymous, see above.)
            assertThrows(javax.net.ssl.SSLException.class, () -> ForcedClientCert.get(m1.ip, 2377, impostor, managerCreds.ca()));
            // S4: plaintext HTTP gets no HTTP answer.
            try (Socket s = new Socket(m1.ip, 2377)) {
                s.setSoTimeout(5000);
                s.getOutputStream().write("GET /v1/nodes HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                byte[] buf = new byte[64];
                int n;
                try {
                    n = s.getInputStream().read(buf);
                } catch (java.io.IOException e) {
                    n = -1;
                }
                assertFalse(n > 0 && new String(buf, 0, n, StandardCharsets.US_ASCII).startsWith("HTTP/1.1 200"),
                        "plaintext request was served");
            }

            // S6: a rotated worker token is refused at once; the joined worker is unaffected.
            Wire.JoinTokens rotated = ok(m1.call(HttpMethod.GET, "/v1/join-tokens?rotate=worker", null)).as(Wire.JoinTokens.class);
            assertFalse(rotated.worker().equals(tokens.worker()));
            assertEquals(tokens.manager(), rotated.manager());
            assertEquals(401, c.join(x, tokens.worker(), m1).status());
            ApiResponse bad = m1.call(HttpMethod.GET, "/v1/join-tokens?rotate=everything", null);
            assertEquals(400, bad.status());
            assertTrue(bad.body().contains("\"field\":\"rotate\""), bad.body());
        }
    }
}
