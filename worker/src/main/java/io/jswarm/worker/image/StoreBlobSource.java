package io.jswarm.worker.image;

import java.io.IOException;
import java.io.InputStream;

/** Serves the blobs of an image store in the same process: the manager side of cluster distribution. */
public record StoreBlobSource(ImageStore store, String name) implements BlobSource {
    @Override
    public InputStream open(Digest digest) throws IOException {
        return store.openBlob(digest);
    }

    @Override
    public String describe() {
        return name;
    }
}
