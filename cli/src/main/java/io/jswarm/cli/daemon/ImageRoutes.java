package io.jswarm.cli.daemon;

import io.jswarm.manager.api.ApiException;
import io.jswarm.manager.api.HttpJson;
import io.jswarm.worker.image.ArchiveLoader;
import io.jswarm.worker.image.ImageDetails;
import io.jswarm.worker.image.ImageException;
import io.jswarm.worker.image.ImageNotFoundException;
import io.jswarm.worker.image.ImagePlatform;
import io.jswarm.worker.image.ImageStore;
import io.jswarm.worker.image.InvalidReferenceException;
import io.jswarm.worker.image.Puller;
import io.jswarm.worker.image.Reference;
import io.jswarm.worker.image.StoredImage;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;

/**
 * The node's image store on its local API (root-only Unix socket, so a file path in a request
 * names a file on this machine that the daemon reads):
 * {@code GET /v1/images}, {@code GET /v1/images/inspect?ref=}, {@code DELETE /v1/images?ref=},
 * {@code POST /v1/images/load {"path"}} (docker save / OCI archive),
 * {@code POST /v1/images/import {"path", "name", "cmd"}} (a root filesystem tarball),
 * {@code POST /v1/images/pull {"ref"}} (registries as configured, insecure ones over HTTP).
 * Store work runs on a small pool, never on the event loop.
 */
final class ImageRoutes {
    record Summary(String reference, String imageId, String manifestDigest, String created, long size) {}

    record Details(List<String> references, String manifestDigest, String imageId, List<String> entrypoint, List<String> cmd,
            List<String> env, String workingDir, String user, int layers, long size) {}

    record LoadRequest(String path) {}

    record ImportRequest(String path, String name, List<String> cmd) {}

    record PullRequest(String ref) {}

    record Loaded(List<String> references) {}

    private final ImageStore store;
    private final Puller puller;
    private final ExecutorService pool;

    ImageRoutes(ImageStore store, Puller puller, ExecutorService pool) {
        this.store = store;
        this.puller = puller;
        this.pool = pool;
    }

    void mount(Router r) {
        r.get("/v1/images").handler(ctx -> HttpJson.handle(ctx, c -> blocking(() -> store.list().stream()
                .map(s -> new Summary(s.reference(), s.imageId().toString(), s.manifestDigest().toString(), s.created(), s.size()))
                .toList())));
        r.get("/v1/images/inspect").handler(ctx -> HttpJson.handle(ctx, c -> {
            String ref = ref(c);
            return blocking(() -> details(store.inspect(ref)));
        }));
        r.delete("/v1/images").handler(ctx -> HttpJson.handle(ctx, c -> {
            String ref = ref(c);
            return blocking(() -> {
                store.remove(ref);
                return Map.of("removed", ref);
            });
        }));
        r.post("/v1/images/load").handler(ctx -> HttpJson.handle(ctx, c -> {
            Path path = file("path", HttpJson.body(c, LoadRequest.class).path());
            return blocking(() -> new Loaded(new ArchiveLoader(store, ImagePlatform.LINUX_AMD64).load(path).stream()
                    .map(StoredImage::reference).map(String::valueOf).toList()));
        }));
        r.post("/v1/images/import").handler(ctx -> HttpJson.handle(ctx, c -> {
            ImportRequest req = HttpJson.body(c, ImportRequest.class);
            Path path = file("path", req.path());
            Reference name = reference("name", req.name());
            return blocking(() -> new Loaded(List.of(String.valueOf(new io.jswarm.worker.image.RootfsImporter(store,
                    ImagePlatform.LINUX_AMD64).importTarball(path, name, req.cmd()).reference()))));
        }));
        r.post("/v1/images/pull").handler(ctx -> HttpJson.handle(ctx, c -> {
            Reference ref = reference("ref", HttpJson.body(c, PullRequest.class).ref());
            return blocking(() -> new Loaded(List.of(String.valueOf(puller.pull(ref, io.jswarm.worker.image.ProgressListener.NONE)
                    .reference()))));
        }));
    }

    private static Details details(ImageDetails d) {
        var c = d.config();
        return new Details(d.references(), d.manifestDigest().toString(), d.imageId().toString(), c.entrypoint(), c.cmd(), c.env(),
                c.workingDir(), c.user(), d.layers().size(), d.size());
    }

    private static String ref(RoutingContext c) {
        String ref = c.queryParams().get("ref");
        if (ref == null || ref.isBlank()) {
            throw ApiException.badInput("ref", "required: the image reference, e.g. busybox:latest");
        }
        return ref;
    }

    private static Reference reference(String field, String text) {
        if (text == null || text.isBlank()) {
            throw ApiException.badInput(field, "required: an image reference such as busybox:latest");
        }
        try {
            return Reference.parse(text);
        } catch (IllegalArgumentException e) {
            throw ApiException.badInput(field, e.getMessage());
        }
    }

    private static Path file(String field, String text) {
        if (text == null || text.isBlank()) {
            throw ApiException.badInput(field, "required: an absolute path of a file on the node");
        }
        Path p = Path.of(text);
        if (!p.isAbsolute()) {
            throw ApiException.badInput(field, "must be an absolute path (the daemon does not share your working directory)");
        }
        if (!Files.isRegularFile(p)) {
            throw ApiException.badInput(field, "no such file: " + p);
        }
        return p;
    }

    private <T> Future<T> blocking(Callable<T> work) {
        return Future.fromCompletionStage(CompletableFuture.supplyAsync(() -> {
            try {
                return work.call();
            } catch (ImageNotFoundException e) {
                throw new ApiException(404, "ref", e.getMessage());
            } catch (InvalidReferenceException e) {
                throw new ApiException(400, "ref", e.getMessage());
            } catch (ImageException e) {
                throw new ApiException(400, null, e.getMessage());
            } catch (IOException e) {
                throw new ApiException(500, null, e.toString());
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }, pool));
    }
}
