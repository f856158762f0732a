package io.jswarm.worker.image;

import io.jswarm.testkit.images.TestImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/** Test helpers: put a {@link TestImage} straight into a store; delete trees. */
final class Images {
    private Images() {}

    static Digest putBlobs(ImageStore store, TestImage image) throws IOException {
        for (byte[] blob : image.blobs().values()) {
            store.putBlob(blob);
        }
        return store.putBlob(image.manifest());
    }

    static StoredImage store(ImageStore store, TestImage image, String reference) throws IOException {
        return store.commit(Reference.parse(reference), putBlobs(store, image));
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (var s = Files.walk(p)) {
            for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }
}
