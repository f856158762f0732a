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

    /**
     * The blob from byte {@code offset} on, to resume a broken transfer. Sources that can seek
     * (HTTP Range) override this; the default reads and drops the first bytes.
     */
    default InputStream open(Digest digest, long offset) throws IOException {
        InputStream in = open(digest);
        try {
            in.skipNBytes(offset);
        } catch (IOException e) {
            in.close();
            throw e;
        }
        return in;
    }

    /** Where the blobs come from, for messages ("registry 127.0.0.1:5000/app", "manager m1"). */
    String describe();
}
