package io.jswarm.compose.validate;

import io.jswarm.api.task.MountType;
import io.jswarm.compose.Diagnostics;
import io.jswarm.compose.model.ComposeProject;
import io.jswarm.compose.model.ComposeService;
import io.jswarm.compose.model.Dependency;
import io.jswarm.compose.model.FileObjectDef;
import io.jswarm.compose.model.FileRef;
import io.jswarm.compose.model.NetworkDef;
import io.jswarm.compose.model.VolumeDef;
import io.jswarm.compose.yaml.YMap;
import io.jswarm.compose.yaml.YNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Stage 5: validates the merged, interpolated, profile-filtered tree and reads it into a
 * {@link ComposeProject}. Every problem goes to the diagnostics (all of them, not the first);
 * the project is only meaningful when there are no errors. Besides each key's type and value it
 * checks references between sections: networks, volumes, secrets, configs and depends_on must
 * name something defined, and depends_on must not form a cycle.
 */
public final class ProjectReader {
    /** Compose's project-name rule; the name prefixes every service, network and volume. */
    private static final Pattern PROJECT_NAME = Pattern.compile("[a-z0-9][a-z0-9_-]*");
    static final Set<String> TOP = Set.of("name", "services", "networks", "volumes", "secrets", "configs");
    static final Map<String, String> TOP_IGNORED = Map.of("version", "the compose specification has no versions (obsolete)",
            "models", "not supported");
    /** Ignoring these would silently deploy part of the stack. */
    static final Map<String, String> TOP_UNSUPPORTED = Map.of("include", "not supported: pass the files with several -c instead");

    private final Fields f;
    private final ReadContext ctx;
    private final Diagnostics diag;

    private ProjectReader(Diagnostics diag, ReadContext ctx) {
        this.f = new Fields(diag);
        this.ctx = ctx;
        this.diag = diag;
    }

    /**
     * @param nameOverride the stack name given by the user; wins over {@code name:}; when both are
     *     absent the project directory's name is used, as Compose does
     */
    public static ComposeProject read(YNode root, String nameOverride, ReadContext ctx, Diagnostics diag) {
        return new ProjectReader(diag, ctx).read(root, nameOverride);
    }

    private ComposeProject read(YNode root, String nameOverride) {
        YMap top = f.map(root, "");
        if (top == null) {
            return null;
        }
        f.keys(top, "", TOP, TOP_IGNORED, TOP_UNSUPPORTED);
        String name = projectName(top, nameOverride);
        Map<String, NetworkDef> networks = new LinkedHashMap<>();
        Map<String, VolumeDef> volumes = new LinkedHashMap<>();
        Map<String, FileObjectDef> secrets = new LinkedHashMap<>();
        Map<String, FileObjectDef> configs = new LinkedHashMap<>();
        ResourceReader resources = new ResourceReader(f, ctx);
        if (top.has("networks")) {
            networks = resources.networks(top.get("networks"));
        }
        if (top.has("volumes")) {
            volumes = resources.volumes(top.get("volumes"));
        }
        if (top.has("secrets")) {
            secrets = resources.files(top.get("secrets"), "secrets", false);
        }
        if (top.has("configs")) {
            configs = resources.files(top.get("configs"), "configs", true);
        }
        Map<String, ComposeService> services = new LinkedHashMap<>();
        YMap svcs = top.has("services") ? f.map(top.get("services"), "services") : null;
        if (svcs == null || svcs.entries().isEmpty()) {
            if (svcs != null || !top.has("services")) {
                diag.error(top.has("services") ? top.keyPos("services") : top.pos(), "services", "no services defined");
            }
        } else {
            ServiceReader reader = new ServiceReader(f, ctx);
            svcs.entries().forEach((svcName, node) -> {
                checkServiceName(svcs, svcName);
                ComposeService s = reader.read(svcName, node);
                if (s != null) {
                    services.put(svcName, s);
                }
            });
            references(root, services, networks, volumes, secrets, configs);
        }
        return new ComposeProject(name, services, networks, volumes, secrets, configs);
    }

    private String projectName(YMap top, String override) {
        if (override != null && !override.isEmpty()) {
            if (!PROJECT_NAME.matcher(override).matches()) {
                diag.error(top.pos(), "name", "invalid stack name \"" + override
                        + "\": use lowercase letters, digits, '-' and '_', starting with a letter or digit");
            }
            return override;
        }
        if (top.has("name")) {
            String n = f.string(top.get("name"), "name");
            if (n != null && !PROJECT_NAME.matcher(n).matches()) {
                f.error(top.get("name"), "name", "invalid project name \"" + n
                        + "\": use lowercase letters, digits, '-' and '_', starting with a letter or digit");
            }
            return n;
        }
        String dir = ctx.projectDir().getFileName() == null ? "" : ctx.projectDir().getFileName().toString();
        String normalized = dir.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "").replaceAll("^[_-]+", "");
        if (normalized.isEmpty()) {
            diag.error(top.pos(), "name", "no stack name: give one, or set name: in the file");
        }
        return normalized;
    }

    private void checkServiceName(YMap svcs, String name) {
        if (!name.matches("[a-zA-Z0-9][a-zA-Z0-9_.-]*")) {
            diag.error(svcs.keyPos(name), "services." + name, "invalid service name \"" + name
                    + "\": use letters, digits, '-', '_' and '.', starting with a letter or digit");
        }
    }

    private void references(YNode root, Map<String, ComposeService> services, Map<String, NetworkDef> networks,
            Map<String, VolumeDef> volumes, Map<String, FileObjectDef> secrets, Map<String, FileObjectDef> configs) {
        Map<String, Set<String>> edges = new LinkedHashMap<>();
        for (ComposeService s : services.values()) {
            String base = "services." + s.name();
            s.networks().keySet().forEach(n -> {
                if (!n.equals("default") && !networks.containsKey(n)) {
                    undefined(root, base + ".networks." + n, "network", n, networks.keySet());
                }
            });
            s.mounts().forEach(m -> {
                if (m.value().type() == MountType.VOLUME && m.value().source() != null && !volumes.containsKey(m.value().source())) {
                    undefined(root, m.path(), "volume", m.value().source(), volumes.keySet());
                }
            });
            refs(root, s.secrets(), base + ".secrets", "secret", secrets);
            refs(root, s.configs(), base + ".configs", "config", configs);
            Set<String> deps = new TreeSet<>();
            s.dependsOn().forEach((d, dep) -> {
                if (services.containsKey(d)) {
                    deps.add(d);
                    condition(root, base + ".depends_on." + d, dep, services.get(d));
                } else if (dep.required()) {
                    undefined(root, base + ".depends_on." + d, "service", d, services.keySet());
                } else {
                    diag.warn(PathLocator.locate(root, base + ".depends_on." + d), base + ".depends_on." + d,
                            "optional dependency \"" + d + "\" is not defined; ignored");
                }
            });
            edges.put(s.name(), deps);
        }
        new DependencyGraph(edges).cycle().ifPresent(cycle -> {
            String first = cycle.get(0);
            String path = "services." + first + ".depends_on." + cycle.get(1);
            diag.error(PathLocator.locate(root, path), path, "dependency cycle: " + String.join(" -> ", cycle));
        });
    }

    /**
     * A condition that can never hold would hang a deploy: waiting for health of a service whose
     * health check is disabled is an error; the other doubtful cases are warnings because the
     * image may define a HEALTHCHECK, or the service may exit on its own.
     */
    private void condition(YNode root, String path, Dependency dep, ComposeService target) {
        if (dep.condition() == Dependency.Condition.SERVICE_HEALTHY) {
            if (target.healthcheck() != null && target.healthcheck().disabled()) {
                diag.error(PathLocator.locate(root, path), path, "waits for " + target.name()
                        + " to be healthy, but its healthcheck is disabled");
            } else if (target.healthcheck() == null) {
                diag.warn(PathLocator.locate(root, path), path, "waits for " + target.name()
                        + " to be healthy, but it has no healthcheck here; the image must define one");
            }
        } else if (dep.condition() == Dependency.Condition.SERVICE_COMPLETED_SUCCESSFULLY) {
            String mode = target.deploy().mode();
            if (mode == null || !mode.endsWith("-job")) {
                diag.warn(PathLocator.locate(root, path), path, "waits for " + target.name()
                        + " to complete, but it is not a job (deploy.mode replicated-job or global-job)");
            }
        }
    }

    private void refs(YNode root, List<FileRef> used, String path, String kind, Map<String, FileObjectDef> defined) {
        for (int i = 0; i < used.size(); i++) {
            if (!defined.containsKey(used.get(i).source())) {
                undefined(root, path + "[" + i + "]", kind, used.get(i).source(), defined.keySet());
            }
        }
    }

    private void undefined(YNode root, String path, String kind, String name, Set<String> known) {
        String hint = Suggest.closest(name, known).map(s -> " (did you mean \"" + s + "\"?)").orElse("");
        String top = kind.equals("service") ? "services" : kind + "s";
        diag.error(PathLocator.locate(root, path), path, kind + " \"" + name + "\" is not defined under the top-level " + top + hint);
    }

}
