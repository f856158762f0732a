package io.jswarm.manager.ca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jswarm.api.node.NodeRole;
import io.jswarm.testkit.FakeClock;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaTest {
    private final FakeClock clock = new FakeClock();

    @Test
    void aNodeCertificateCarriesItsRoleAndIsValidOnlyUnderItsOwnCa() {
        RootCa ca = RootCa.create("c1", clock);
        RootCa other = RootCa.create("c1", clock);
        KeyPair kp = RootCa.newKeyPair();
        X509Certificate cert = ca.issue(kp.getPublic(), new NodeIdentity("node-1", NodeRole.WORKER, "c1"),
                List.of("127.0.0.11", "localhost"), Duration.ofMinutes(10), clock);
        assertEquals(new NodeIdentity("node-1", NodeRole.WORKER, "c1"), NodeIdentity.of(cert));
        assertTrue(ca.issued(cert, clock));
        assertFalse(other.issued(cert, clock), "a foreign CA accepted the certificate");
        clock.advance(Duration.ofMinutes(11));
        assertFalse(ca.issued(cert, clock), "an expired certificate was accepted");
        assertEquals("EC", ca.certificate().getPublicKey().getAlgorithm());
        assertTrue(ca.certificate().getBasicConstraints() >= 0, "root is not a CA");
    }

    @Test
    void credentialsSurviveADiskRoundTripWithAPrivateKeyFile(@TempDir Path dir) throws Exception {
        RootCa ca = RootCa.create("c1", clock);
        KeyPair kp = RootCa.newKeyPair();
        X509Certificate cert = ca.issue(kp.getPublic(), new NodeIdentity("m", NodeRole.MANAGER, "c1"), List.of(),
                Duration.ofDays(1), clock);
        new NodeCredentials(kp.getPrivate(), cert, ca.certificate()).save(dir.resolve("certs"));
        NodeCredentials back = NodeCredentials.load(dir.resolve("certs"));
        assertEquals(cert, back.certificate());
        assertEquals(kp.getPrivate(), back.key());
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                java.nio.file.Files.getPosixFilePermissions(dir.resolve("certs/node.key"))));
    }

    @Test
    void tokensParseAndCompareAndMalformedOnesSayWhy() {
        RootCa ca = RootCa.create("c1", clock);
        JoinToken t = new JoinToken(ca.digest(), JoinToken.newSecret());
        assertEquals(t, JoinToken.parse(t.toString()));
        assertTrue(JoinToken.secretMatches(t.secret(), t.secret()));
        assertFalse(JoinToken.secretMatches(JoinToken.newSecret(), t.secret()));
        assertFalse(JoinToken.secretMatches(null, t.secret()));

        assertTrue(assertThrows(InvalidTokenException.class, () -> JoinToken.parse("")).getMessage().contains("must not be empty"));
        assertTrue(assertThrows(InvalidTokenException.class, () -> JoinToken.parse("SWMTKN-1-abc-def")).getMessage()
                .contains("not a jswarm join token"));
        String truncated = t.toString().substring(0, t.toString().length() - 3);
        InvalidTokenException e = assertThrows(InvalidTokenException.class, () -> JoinToken.parse(truncated));
        assertTrue(e.getMessage().contains("malformed"), e.getMessage());
        assertFalse(e.getMessage().contains(t.secret().substring(0, 10)), "the error echoes the secret");
        String v2 = t.toString().replace("JSWTKN-1-", "JSWTKN-2-");
        assertTrue(assertThrows(InvalidTokenException.class, () -> JoinToken.parse(v2)).getMessage().contains("version 2"));
    }
}
