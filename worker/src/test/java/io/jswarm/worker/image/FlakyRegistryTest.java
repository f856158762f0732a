package io.jswarm.worker.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.jswarm.testkit.FakeClock;
import io.jswarm.testkit.images.LayerTar;
import io.jswarm.testkit.images.TestImage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a real registry on loopback cannot be made to do: fail (503), break a transfer half-way,
 * redirect blobs to storage that must not see the registry's Authorization header. A small fake
 * registry on 127.0.0.1 with Bearer auth whose token the pull must obtain first.
 */
class FlakyRegistryTest {
    @TempDir
    Path dir;
    HttpServer server;
    final TestImage image = TestImage.builder().layer(new LayerTar().file("f", "x".repeat(50_000), 0644)).build();
    final AtomicInteger failuresLeft = new AtomicInteger();
    final AtomicInteger truncationsLeft = new AtomicInteger();
    final List<String> storageAuthHeaders = new CopyOnWriteArrayList<>();
    final List<String> ranges = new CopyOnWriteArrayList<>();
    volatile boolean honourRange = true;
    final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/token", ex -> respond(ex, 200, "{\"token\":\"t0k\"}".getBytes(), "application/json"));
        server.createContext("/v2/", this::registry);
        server.createContext("/storage/", ex -> {
            storageAuthHeaders.add(String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
            serveBlob(ex, ex.getRequestURI().getPath().substring("/storage/".length()));
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String host() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    private void registry(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        hits.computeIfAbsent(path, k -> new AtomicInteger()).incrementAndGet();
        if (!"Bearer t0k".equals(ex.getRequestHeaders().getFirst("Authorization"))) {
            ex.getResponseHeaders().add("WWW-Authenticate", "Bearer realm=\"http://" + host() + "/token\",service=\"fake\","
                    + "scope=\"repository:team/app:pull\"");
            respond(ex, 401, "{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"auth\"}]}".getBytes(), "application/json");
            return;
        }
        if (failuresLeft.getAndDecrement() > 0) {
            respond(ex, 503, "busy".getBytes(), "text/plain");
            return;
        }
        if (path.equals("/v2/team/app/manifests/1")) {
            ex.getResponseHeaders().add("Docker-Content-Digest", image.manifestDigest());
            respond(ex, 200, image.manifest(), image.mediaType());
        } else if (path.startsWith("/v2/team/app/blobs/")) {
            String digest = path.substring("/v2/team/app/blobs/".length());
            if (image.layers().get(0).digest().equals(digest)) {
                ex.getResponseHeaders().add("Location", "/storage/" + digest);
                respond(ex, 307, new byte[0], "text/plain");
            } else {
                serveBlob(ex, digest);
            }
        } else {
            respond(ex, 404, "{\"errors\":[{\"code\":\"MANIFEST_UNKNOWN\",\"message\":\"manifest unknown\"}]}".getBytes(), "application/json");
        }
    }

    private void serveBlob(HttpExchange ex, String digest) throws IOException {
        byte[] blob = image.blobs().get(digest);
        String range = ex.getRequestHeaders().getFirst("Range");
        if (range != null) {
            ranges.add(range);
        }
        if (blob != null && range != null && honourRange) {
            int from = Integer.parseInt(range.substring("bytes=".length(), range.length() - 1));
            byte[] rest = java.util.Arrays.copyOfRange(blob, from, blob.length);
            ex.getResponseHeaders().add("Content-Range", "bytes " + from + "-" + (blob.length - 1) + "/" + blob.length);
            ex.sendResponseHeaders(206, rest.length);
            ex.getResponseBody().write(rest);
            ex.close();
        } else if (blob == null) {
            respond(ex, 404, new byte[0], "text/plain");
        } else if (truncationsLeft.getAndDecrement() > 0) {
            ex.sendResponseHeaders(200, blob.length);
            ex.getResponseBody().write(blob, 0, blob.length / 2);
            ex.close(); // connection ends early: a broken transfer
        } else {
            respond(ex, 200, blob, "application/octet-stream");
        }
    }

    private static void respond(HttpExchange ex, int status, byte[] body, String type) throws IOException {
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            ex.getResponseBody().write(body);
        }
        ex.close();
    }

    private StoredImage pull(int attempts) throws IOException {
        ImageStore store = ImageStore.open(dir.resolve("store-" + System.nanoTime()), new FakeClock());
        RegistryConfig config = RegistryConfig.defaults().withInsecure(host()).withRetries(attempts, Duration.ZERO);
        return new Puller(store, config, RegistryClient.newHttpClient()).pull(Reference.parse(host() + "/team/app:1"), ProgressListener.NONE);
    }

    @Test
    void followsTheBearerChallengeAndARedirectWithoutLeakingTheToken() throws Exception {
        StoredImage img = pull(1);
        assertEquals(Digest.parse(image.manifestDigest()), img.manifestDigest());
        assertEquals(List.of("null"), storageAuthHeaders, "storage got no Authorization header");
    }

    @Test
    void serverErrorsAreRetriedAndABrokenTransferResumesWhereItBroke() throws Exception {
        failuresLeft.set(2);
        truncationsLeft.set(1);
        StoredImage img = pull(3);
        assertEquals(50_000, java.nio.file.Files.size(img.layerDirs().get(0).resolve("f")));
        // The first blob served (the config) broke after half its bytes; the retry asked for the rest only.
        assertEquals(1, ranges.size(), ranges.toString());
        int from = Integer.parseInt(ranges.get(0).replaceAll("[^0-9]", ""));
        int sent = image.config().length / 2;
        assertTrue(from > 0 && from <= sent, "resumed from byte " + from + " of the " + sent + " sent before the break");
    }

    @Test
    void aStorageThatIgnoresRangeStillGivesTheRightBlob() throws Exception {
        honourRange = false;
        truncationsLeft.set(1);
        StoredImage img = pull(2);
        assertEquals(Digest.parse(image.manifestDigest()), img.manifestDigest());
        assertEquals(1, ranges.size(), "a resume was asked for, and answered with the whole blob");
    }

    @Test
    void retriesEndWithAClearError() {
        failuresLeft.set(100);
        RegistryException e = assertThrows(RegistryException.class, () -> pull(2));
        assertTrue(e.getMessage().contains("failed after 2 attempts") && e.getMessage().contains("503"), e.getMessage());
    }

    @Test
    void anUnknownTagIsNotFound() {
        ImageStore[] holder = new ImageStore[1];
        ImageNotFoundException e = assertThrows(ImageNotFoundException.class, () -> {
            holder[0] = ImageStore.open(dir.resolve("s"), new FakeClock());
            new Puller(holder[0], RegistryConfig.defaults().withInsecure(host()), RegistryClient.newHttpClient())
                    .pull(Reference.parse(host() + "/team/app:2"), ProgressListener.NONE);
        });
        assertTrue(e.getMessage().contains("MANIFEST_UNKNOWN"), e.getMessage());
        assertFalse(holder[0].contains(host() + "/team/app:2"));
    }
}
