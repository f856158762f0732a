package io.jswarm.worker.runtime;

import java.util.List;

/**
 * What an image's config says to run when the spec does not: Docker's Entrypoint, Cmd, Env
 * ({@code KEY=value}), WorkingDir and User. Null lists and strings mean "not set".
 */
public record ImageDefaults(List<String> entrypoint, List<String> cmd, List<String> env, String workdir, String user) {
    public static final ImageDefaults NONE = new ImageDefaults(null, null, null, null, null);

    public ImageDefaults {
        entrypoint = entrypoint == null ? List.of() : List.copyOf(entrypoint);
        cmd = cmd == null ? List.of() : List.copyOf(cmd);
        env = env == null ? List.of() : List.copyOf(env);
    }
}
