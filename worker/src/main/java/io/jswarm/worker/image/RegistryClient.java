package io.jswarm.worker.image;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The OCI distribution API v2 of one registry: manifests, blobs and uploads, with the
 * authentication dance a registry asks for. A request answered 401 is repeated once after
 * following its {@code WWW-Authenticate} challenge: {@code Bearer} fetches a token from the realm
 * (sending the user's credentials, if any, as Basic), {@code Basic} sends the credentials. Tokens
 * are cached per repository and refreshed whenever the registry answers 401 again (expiry, or a
 * push needing more than a pull token grants).
 */
public final class RegistryClient {
    /** A manifest (or index) as served, with the headers that say what it is. */
    public record Fetched(byte[] body, String contentType, String dockerContentDigest) {}

    /** Registries refuse manifests over 4 MiB; so do we, rather than buffer whatever a server sends. */
    static final int MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
    private static final int MAX_REDIRECTS = 5;

    private final HttpClient http;
    private final RegistryConfig config;
    private final String domain;
    private final String base;
    private final Map<String, String> authorizationByRepository = new ConcurrentHashMap<>();

    public RegistryClient(HttpClient http, RegistryConfig config, String domain) {
        this.http = http;
        this.config = config;
        this.domain = domain;
        this.base = config.baseUri(domain);
    }

    /**
     * A client for registries. Redirects are not followed automatically: a blob redirect goes to
     * storage (S3, a CDN) that must not receive the registry's Authorization header, so
     * {@link #blob} follows it itself, without credentials.
     */
    public static HttpClient newHttpClient() {
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(30)).build();
    }

    public String domain() {
        return domain;
    }

    public Fetched manifest(String repository, String reference) throws IOException {
        HttpResponse<InputStream> r = send(get(path(repository, "manifests", reference))
                .header("Accept", MediaTypes.ACCEPT_ANY_MANIFEST), repository, "pull");
        try (InputStream in = r.body()) {
            if (r.statusCode() == 404) {
                throw new ImageNotFoundException("manifest for " + domain + "/" + repository + ":" + reference
                        + " not found in the registry: " + errorText(in));
            }
            expect(r, in, 200, "get manifest " + repository + ":" + reference);
            byte[] body = in.readNBytes(MAX_MANIFEST_BYTES + 1);
            if (body.length > MAX_MANIFEST_BYTES) {
                throw new InvalidImageException("manifest of " + domain + "/" + repository + ":" + reference
                        + " is larger than " + MAX_MANIFEST_BYTES + " bytes");
            }
            return new Fetched(body, r.headers().firstValue("Content-Type").map(RegistryClient::bareType).orElse(null),
                    r.headers().firstValue("Docker-Content-Digest").orElse(null));
        }
    }

    /**
     * Opens a blob for reading from byte {@code offset} on (a Range request when above 0; a
     * registry that ignores it answers 200 and the first bytes are skipped here). The caller closes
     * the stream and verifies the digest.
     */
    public InputStream blob(String repository, Digest digest, long offset) throws IOException {
        HttpRequest.Builder request = get(path(repository, "blobs", digest.toString()));
        if (offset > 0) {
            request.header("Range", "bytes=" + offset + "-");
        }
        HttpResponse<InputStream> r = send(request, repository, "pull");
        for (int hops = 0; isRedirect(r.statusCode()) && hops < MAX_REDIRECTS; hops++) {
            r.body().close();
            URI next = r.uri().resolve(r.headers().firstValue("Location")
                    .orElseThrow(() -> new RegistryException("registry " + domain + " redirected blob " + digest + " without a Location")));
            HttpRequest.Builder storage = HttpRequest.newBuilder(next).GET().timeout(config.requestTimeout());
            if (offset > 0) {
                storage.header("Range", "bytes=" + offset + "-");
            }
            HttpRequest plain = storage.build();
            r = Retry.run(config, "blob storage of " + domain, () -> http.send(plain, HttpResponse.BodyHandlers.ofInputStream()));
        }
        InputStream in = r.body();
        if (r.statusCode() == 404) {
            try (in) {
                throw new ImageNotFoundException("blob " + digest + " of " + domain + "/" + repository
                        + " not found in the registry: " + errorText(in));
            }
        }
        if (r.statusCode() == 206 && offset > 0) {
            return in;
        }
        if (r.statusCode() == 416 && offset > 0) {
            in.close(); // nothing after offset: the previous attempt had every byte
            return InputStream.nullInputStream();
        }
        if (r.statusCode() != 200) {
            try (in) {
                expect(r, in, 200, "get blob " + digest);
            }
        }
        try {
            in.skipNBytes(offset);
        } catch (IOException e) {
            in.close();
            throw e;
        }
        return in;
    }

    public boolean blobExists(String repository, Digest digest) throws IOException {
        HttpResponse<InputStream> r = send(HttpRequest.newBuilder(uri(path(repository, "blobs", digest.toString())))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()), repository, "pull,push");
        try (InputStream in = r.body()) {
            if (r.statusCode() == 404) {
                return false;
            }
            expect(r, in, 200, "check blob " + digest);
            return true;
        }
    }

    /** Uploads {@code file} as the blob {@code digest} in one request (POST to start, PUT with the digest). */
    public void uploadBlob(String repository, Digest digest, Path file) throws IOException {
        HttpResponse<InputStream> start = send(HttpRequest.newBuilder(uri("/v2/" + repository + "/blobs/uploads/"))
                .POST(HttpRequest.BodyPublishers.noBody()), repository, "pull,push");
        String location;
        try (InputStream in = start.body()) {
            expect(start, in, 202, "start upload of " + digest);
            location = start.headers().firstValue("Location")
                    .orElseThrow(() -> new RegistryException("registry " + domain + " started an upload without a Location"));
        }
        URI target = URI.create(base + "/").resolve(location);
        String sep = target.getRawQuery() == null ? "?" : "&";
        URI put = URI.create(target + sep + "digest=" + URLEncoder.encode(digest.toString(), StandardCharsets.UTF_8));
        HttpResponse<InputStream> done = send(HttpRequest.newBuilder(put).header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofFile(file)), repository, "pull,push");
        try (InputStream in = done.body()) {
            expect(done, in, 201, "upload blob " + digest);
        }
    }

    public void putManifest(String repository, String reference, byte[] body, String mediaType) throws IOException {
        HttpResponse<InputStream> r = send(HttpRequest.newBuilder(uri(path(repository, "manifests", reference)))
                .header("Content-Type", mediaType).PUT(HttpRequest.BodyPublishers.ofByteArray(body)), repository, "pull,push");
        try (InputStream in = r.body()) {
            expect(r, in, 201, "put manifest " + repository + ":" + reference);
        }
    }

    // ---- plumbing ----

    private static String path(String repository, String kind, String ref) {
        return "/v2/" + repository + "/" + kind + "/" + ref;
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(uri(path)).GET();
    }

    /**
     * Sends with the cached authorization, follows one 401 challenge, and retries connection
     * failures, 5xx and 429 answers. Returns the response with its body still to be read.
     */
    private HttpResponse<InputStream> send(HttpRequest.Builder request, String repository, String actions) throws IOException {
        if (base.startsWith("http://")) {
            request.version(HttpClient.Version.HTTP_1_1); // no h2c upgrade dance with plain-HTTP registries
        }
        request.timeout(config.requestTimeout());
        HttpRequest template = request.build();
        return Retry.run(config, "registry " + domain, () -> {
            HttpResponse<InputStream> r = http.send(withAuth(template, repository), HttpResponse.BodyHandlers.ofInputStream());
            if (r.statusCode() == 401) {
                List<AuthChallenge> challenges = new ArrayList<>();
                r.headers().allValues("WWW-Authenticate").forEach(h -> challenges.addAll(AuthChallenge.parse(h)));
                r.body().close();
                authorize(challenges, repository, actions);
                r = http.send(withAuth(template, repository), HttpResponse.BodyHandlers.ofInputStream());
                if (r.statusCode() == 401) {
                    r.body().close();
                    throw unauthorized(repository, "the registry refused "
                            + (credential().isPresent() ? "the stored credentials" : "anonymous access"));
                }
            }
            if (r.statusCode() == 403) {
                String text = errorText(r.body());
                throw new UnauthorizedException("access to " + domain + "/" + repository + " is denied: " + text);
            }
            if (r.statusCode() >= 500 || r.statusCode() == 429) {
                String text = errorText(r.body());
                throw new Retry.RetryableException(template.method() + " " + template.uri().getPath() + " answered "
                        + r.statusCode() + ": " + text);
            }
            return r;
        });
    }

    private HttpRequest withAuth(HttpRequest template, String repository) {
        String auth = authorizationByRepository.get(repository);
        if (auth == null) {
            return template;
        }
        return HttpRequest.newBuilder(template, (name, value) -> !name.equalsIgnoreCase("Authorization"))
                .header("Authorization", auth).build();
    }

    private Optional<Credentials.Credential> credential() {
        return config.credentials().forRegistry(domain);
    }

    private void authorize(List<AuthChallenge> challenges, String repository, String actions) throws IOException, InterruptedException {
        for (AuthChallenge c : challenges) {
            if (c.scheme().equals("bearer")) {
                authorizationByRepository.put(repository, "Bearer " + token(c, repository, actions));
                return;
            }
        }
        for (AuthChallenge c : challenges) {
            if (c.scheme().equals("basic")) {
                Credentials.Credential cred = credential().orElseThrow(() -> unauthorized(repository,
                        "the registry wants a user name and password and none is stored for " + domain));
                authorizationByRepository.put(repository, cred.basicHeader());
                return;
            }
        }
        throw unauthorized(repository, "the registry answered 401 without a Bearer or Basic challenge");
    }

    private String token(AuthChallenge c, String repository, String actions) throws IOException, InterruptedException {
        String realm = c.param("realm");
        if (realm == null) {
            throw new RegistryException("registry " + domain + " sent a Bearer challenge without a realm");
        }
        String scope = c.param("scope") != null ? c.param("scope") : "repository:" + repository + ":" + actions;
        StringBuilder q = new StringBuilder(realm).append(realm.contains("?") ? "&" : "?");
        if (c.param("service") != null) {
            q.append("service=").append(URLEncoder.encode(c.param("service"), StandardCharsets.UTF_8)).append('&');
        }
        q.append("scope=").append(URLEncoder.encode(scope, StandardCharsets.UTF_8));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(q.toString())).GET().timeout(config.requestTimeout());
        credential().ifPresent(cred -> b.header("Authorization", cred.basicHeader()));
        HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() == 401 || r.statusCode() == 403) {
            throw unauthorized(repository, "the token service " + realm + " refused "
                    + (credential().isPresent() ? "the stored credentials" : "an anonymous token"));
        }
        if (r.statusCode() != 200) {
            throw new RegistryException("token service " + realm + " answered " + r.statusCode());
        }
        JsonNode body = OciJson.parse(r.body(), "token response");
        String token = OciJson.text(body, "token", "token response");
        if (token == null) {
            token = OciJson.text(body, "access_token", "token response");
        }
        if (token == null || token.isEmpty()) {
            throw new RegistryException("token service " + realm + " returned no token");
        }
        return token;
    }

    private UnauthorizedException unauthorized(String repository, String why) {
        return new UnauthorizedException("unauthorized for " + domain + "/" + repository + ": " + why
                + (credential().isPresent() ? "; check the login for " + domain : "; log in to " + domain + " first"));
    }

    private void expect(HttpResponse<InputStream> r, InputStream body, int status, String what) throws IOException {
        if (r.statusCode() != status) {
            throw new RegistryException(what + " at " + domain + " failed with HTTP " + r.statusCode() + ": " + errorText(body));
        }
    }

    /** The registry's error text ({"errors":[{"code","message"}]}), or the raw start of the body. */
    static String errorText(InputStream in) {
        try {
            byte[] b = in.readNBytes(4096);
            try {
                JsonNode n = OciJson.MAPPER.readTree(b);
                if (n != null && n.has("errors") && n.get("errors").isArray() && n.get("errors").size() > 0) {
                    JsonNode e = n.get("errors").get(0);
                    return e.path("code").asText() + " " + e.path("message").asText();
                }
            } catch (IOException notJson) {
                // fall through to the raw text
            }
            String s = new String(b, StandardCharsets.UTF_8).strip();
            return s.isEmpty() ? "(no details)" : s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static String bareType(String contentType) {
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).strip();
    }
}
