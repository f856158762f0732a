package io.jswarm.worker.task;

import io.jswarm.api.task.HealthConfig;
import io.jswarm.worker.runtime.PreparedImage;

/**
 * An image ready to run plus what its config says that the runtime's {@link PreparedImage} does
 * not carry but the controller needs: the image's health check and stop signal (Docker uses them
 * when the spec sets none) and the manifest digest (recorded with the container so that image
 * GC keeps the layers of every container on disk).
 *
 * @param healthcheck    null when the image defines none
 * @param stopSignal     null when the image defines none
 * @param manifestDigest null when the source does not know it (tests with a bare rootfs)
 */
public record ResolvedImage(PreparedImage prepared, HealthConfig healthcheck, String stopSignal, String manifestDigest) {
    public static ResolvedImage of(PreparedImage prepared) {
        return new ResolvedImage(prepared, null, null, null);
    }
}
