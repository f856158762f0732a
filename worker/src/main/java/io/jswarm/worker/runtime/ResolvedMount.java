package io.jswarm.worker.runtime;

import io.jswarm.api.task.MountType;
import java.nio.file.Path;

/**
 * A spec mount with its host side decided: a bind's host path, a volume's directory under the
 * data dir, or nothing for tmpfs. {@code tmpfsSizeBytes} is null for unlimited (tmpfs only).
 */
public record ResolvedMount(MountType type, Path hostSource, String target, boolean readOnly, Long tmpfsSizeBytes) {}
