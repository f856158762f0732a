package io.jswarm.worker.runtime;

import io.jswarm.api.task.ContainerSpec;
import io.jswarm.api.task.Resources;
import java.util.regex.Pattern;

/** What the worker asks the runtime to create; {@code network} null means an isolated, empty netns. */
public record ContainerRequest(String id, ContainerSpec spec, Resources limits, PreparedImage image, NetworkEndpoint network) {
    /** runc's own id rule, also safe as a directory and cgroup name. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}");

    public ContainerRequest {
        if (id == null || !ID.matcher(id).matches()) {
            throw new ContainerConfigException("id", "container id \"" + id + "\" must be 1-128 letters, digits, '_', '.' or '-'");
        }
        limits = limits == null ? Resources.NONE : limits;
    }
}
