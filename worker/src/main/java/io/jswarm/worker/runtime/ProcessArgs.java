package io.jswarm.worker.runtime;

import io.jswarm.api.task.ContainerSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Docker's rules for what a container runs, as pure functions. The spec's {@code command}
 * replaces the image's entrypoint and also drops the image's cmd (an overridden entrypoint would
 * not know what to do with it); the spec's {@code args} replace the image's cmd.
 */
public final class ProcessArgs {
    private ProcessArgs() {}

    public static final String DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    /** The user's argv, without the init; throws {@link ContainerConfigException} if empty. */
    public static List<String> argv(ContainerSpec spec, ImageDefaults image) {
        List<String> entrypoint = spec.command().isEmpty() ? image.entrypoint() : spec.command();
        List<String> cmd;
        if (!spec.args().isEmpty()) {
            cmd = spec.args();
        } else if (!spec.command().isEmpty()) {
            cmd = List.of();
        } else {
            cmd = image.cmd();
        }
        List<String> argv = new ArrayList<>(entrypoint);
        argv.addAll(cmd);
        if (argv.isEmpty()) {
            throw new ContainerConfigException("container.command",
                    "no command to run: the image has no entrypoint or cmd and the service sets none");
        }
        return List.copyOf(argv);
    }

    /**
     * Image env, then the spec's env overriding by key; PATH defaulted and HOSTNAME set as Docker
     * does. Order is stable (first appearance of each key) so bundles are reproducible.
     */
    public static List<String> env(ContainerSpec spec, ImageDefaults image, String hostname) {
        Map<String, String> merged = new LinkedHashMap<>();
        merged.put("PATH", DEFAULT_PATH);
        merged.put("HOSTNAME", hostname);
        for (List<String> source : List.of(image.env(), spec.env())) {
            for (String entry : source) {
                int eq = entry.indexOf('=');
                String key = eq < 0 ? entry : entry.substring(0, eq);
                if (key.isEmpty()) {
                    throw new ContainerConfigException("container.env", "environment entry \"" + entry + "\" has no name");
                }
                merged.put(key, eq < 0 ? "" : entry.substring(eq + 1));
            }
        }
        List<String> out = new ArrayList<>();
        merged.forEach((k, v) -> out.add(k + "=" + v));
        return List.copyOf(out);
    }

    public static String cwd(ContainerSpec spec, ImageDefaults image) {
        String cwd = notBlank(spec.workdir()) ? spec.workdir() : notBlank(image.workdir()) ? image.workdir() : "/";
        if (!cwd.startsWith("/")) {
            throw new ContainerConfigException("container.workdir", "working directory \"" + cwd + "\" must be an absolute path");
        }
        return cwd;
    }

    static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
