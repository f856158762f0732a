package io.jswarm.compose.convert;

import io.jswarm.compose.model.ComposeProject;
import io.jswarm.compose.model.FileObjectDef;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The stack's networks, volumes, secrets and configs, sorted by key. Objects the stack creates get
 * the stack label; external ones are only referred to and keep their own labels. The
 * {@code default} network exists when some service joins no network explicitly, as in Docker.
 */
final class StackResources {
    static final String DEFAULT_NETWORK = "default";

    private final ComposeProject project;
    private final StackNames names;

    StackResources(ComposeProject project, StackNames names) {
        this.project = project;
        this.names = names;
    }

    List<StackNetwork> networks(boolean usesDefault) {
        Map<String, StackNetwork> out = new TreeMap<>();
        project.networks().values().forEach(n -> out.put(n.key(), new StackNetwork(n.key(), names.resolve(n.key(), n.name()),
                n.external(), n.external() ? null : n.driver() == null ? "overlay" : n.driver(), n.driverOpts(),
                n.external() ? n.labels() : names.withNamespace(n.labels()), n.internal(), n.attachable(), n.subnets())));
        if (usesDefault && !out.containsKey(DEFAULT_NETWORK)) {
            out.put(DEFAULT_NETWORK, new StackNetwork(DEFAULT_NETWORK, names.scoped(DEFAULT_NETWORK), false, "overlay",
                    null, names.withNamespace(Map.of()), false, false, null));
        }
        return List.copyOf(out.values());
    }

    List<StackVolume> volumes() {
        return project.volumes().values().stream().sorted(Comparator.comparing(v -> v.key()))
                .map(v -> new StackVolume(v.key(), names.resolve(v.key(), v.name()), v.external(), v.driver(), v.driverOpts(),
                        v.external() ? v.labels() : names.withNamespace(v.labels())))
                .toList();
    }

    List<StackFile> files(Map<String, FileObjectDef> defs) {
        return defs.values().stream().sorted(Comparator.comparing(FileObjectDef::key))
                .map(f -> new StackFile(f.key(), names.resolve(f.key(), f.name()), f.external(), f.data(),
                        f.external() ? f.labels() : names.withNamespace(f.labels())))
                .toList();
    }
}
