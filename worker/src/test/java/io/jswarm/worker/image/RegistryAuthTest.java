package io.jswarm.worker.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jswarm.testkit.FakeClock;
import io.jswarm.testkit.images.LayerTar;
import io.jswarm.testkit.images.LocalRegistry;
import io.jswarm.testkit.images.RegistryTokenServer;
import io.jswarm.testkit.images.TestImage;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry's auth challenges are followed: htpasswd (Basic) and token (Bearer) auth of a real registry. */
class RegistryAuthTest {
    static final HttpClient HTTP = RegistryClient.newHttpClient();
    static final TestImage IMAGE = TestImage.builder().layer(new LayerTar().file("hello", "world", 0644)).build();

    @TempDir
    Path dir;
    ImageStore source;
    ImageStore target;

    @BeforeEach
    void open() throws Exception {
        assumeTrue(LocalRegistry.available(), "docker-registry is not installed (bin/install-deps --test)");
        source = ImageStore.open(dir.resolve("source"), new FakeClock());
        target = ImageStore.open(dir.resolve("target"), new FakeClock());
        Images.store(source, IMAGE, "app");
    }

    private static RegistryConfig config(LocalRegistry r, Credentials c) {
        return RegistryConfig.defaults().withInsecure(r.hostPort()).withRetries(1, Duration.ZERO).withCredentials(c);
    }

    @Test
    void basicAuthWithHtpasswd() throws Exception {
        try (LocalRegistry r = LocalRegistry.startWithHtpasswd(dir, "alice", "s3cret")) {
            Reference ref = Reference.parse(r.hostPort() + "/team/app:1");
            UnauthorizedException anonymous = assertThrows(UnauthorizedException.class,
                    () -> new Pusher(source, config(r, Credentials.none()), HTTP).push("app", ref, ProgressListener.NONE));
            assertTrue(anonymous.getMessage().contains("log in to " + r.hostPort()), anonymous.getMessage());
            UnauthorizedException wrong = assertThrows(UnauthorizedException.class, () -> new Pusher(source,
                    config(r, Credentials.of(r.hostPort(), "alice", "nope")), HTTP).push("app", ref, ProgressListener.NONE));
            assertTrue(wrong.getMessage().contains("check the login"), wrong.getMessage());

            Path file = dir.resolve("config.json");
            Credentials.none().with(r.hostPort(), "alice", "s3cret").save(file);
            assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            RegistryConfig good = config(r, Credentials.load(file));
            new Pusher(source, good, HTTP).push("app", ref, ProgressListener.NONE);
            StoredImage pulled = new Puller(target, good, HTTP).pull(ref, ProgressListener.NONE);
            assertEquals("world", Files.readString(pulled.layerDirs().get(0).resolve("hello")));
        }
    }

    @Test
    void bearerTokenAuth() throws Exception {
        try (RegistryTokenServer tokens = RegistryTokenServer.start(dir, "bob", "pw", Clock.systemUTC());
             LocalRegistry r = LocalRegistry.startWithToken(dir, tokens)) {
            Reference ref = Reference.parse(r.hostPort() + "/team/app:1");
            RegistryConfig good = config(r, Credentials.of(r.hostPort(), "bob", "pw"));
            new Pusher(source, good, HTTP).push("app", ref, ProgressListener.NONE);
            StoredImage pulled = new Puller(target, good, HTTP).pull(ref, ProgressListener.NONE);
            assertEquals(Digest.parse(IMAGE.manifestDigest()), pulled.manifestDigest());
            // The registry names the actions in either order ("pull,push" or "push,pull").
            assertTrue(tokens.scopes().stream().anyMatch(s -> s.startsWith("repository:team/app:")
                    && java.util.Set.of(s.substring("repository:team/app:".length()).split(",")).equals(java.util.Set.of("pull", "push"))),
                    tokens.scopes().toString());
            assertTrue(tokens.scopes().contains("repository:team/app:pull"), tokens.scopes().toString());

            UnauthorizedException e = assertThrows(UnauthorizedException.class, () -> new Puller(target,
                    config(r, Credentials.of(r.hostPort(), "bob", "bad")), HTTP).pull(ref, ProgressListener.NONE));
            assertTrue(e.getMessage().contains("token service"), e.getMessage());
        }
    }
}
