package io.jswarm.worker.image;

import java.io.IOException;
import java.io.InputStream;

/** The blobs of one repository of a registry. */
record RegistryBlobSource(RegistryClient client, String repository) implements BlobSource {
    @Override
    public InputStream open(Digest digest) throws IOException {
        return client.blob(repository, digest, 0);
    }

    @Override
    public InputStream open(Digest digest, long offset) throws IOException {
        return client.blob(repository, digest, offset);
    }

    @Override
    public String describe() {
        return "registry " + client.domain() + "/" + repository;
    }
}
