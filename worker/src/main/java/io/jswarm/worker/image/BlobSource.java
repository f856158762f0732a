package io.jswarm.worker.image;

import java.io.IOException;
import java.io.InputStream;

/**
 * Somewhere blobs can be read by digest: a registry repository, or another node's image store
 * (a manager serving the cluster's images to workers; the transport comes with the dispatcher).
 * The reader never trusts a source: whatever it returns is verified against the digest asked for.
 */
public interface BlobSource {
    /** Opens the blob; throws {@link ImageNotFoundException} when the source does not have it. */
    InputStream open(Digest digest) throws IOException;

    /** Where the blobs come from, for messages ("registry 127.0.0.1:5000/app", "manager m1"). */
    String describe();
}
