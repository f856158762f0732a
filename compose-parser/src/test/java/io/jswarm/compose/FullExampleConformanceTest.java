package io.jswarm.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jswarm.api.service.PortConfig;
import io.jswarm.api.task.Mount;
import io.jswarm.api.units.ByteSizes;
import io.jswarm.api.units.Cpus;
import io.jswarm.api.units.Durations;
import io.jswarm.compose.env.Interpolator;
import io.jswarm.compose.model.ComposeProject;
import io.jswarm.compose.model.ComposeService;
import io.jswarm.compose.model.Located;
import io.jswarm.compose.validate.ProjectReader;
import io.jswarm.compose.validate.ReadContext;
import io.jswarm.compose.yaml.YNode;
import io.jswarm.compose.yaml.YamlReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docker/cli's full-example.yml (every key of the Swarm dialect) read by jswarm's stages and
 * compared with docker/cli's own expected reading, full-example.json.golden. docker/cli's test
 * loads it with working dir /foo, HOME=/bar, QUX=qux_from_environment and two env files; the same
 * here. Where jswarm is deliberately stricter the difference is listed, not hidden.
 * Skipped when ../shared/compose-fixtures is absent (users' machines).
 */
class FullExampleConformanceTest {
    static final Path FIXTURES = Path.of("..", "..", "shared", "compose-fixtures", "docker-cli");

    static Diagnostics diag;
    static ComposeProject project;
    static JsonNode golden;

    @BeforeAll
    static void load() throws IOException {
        Assumptions.assumeTrue(Files.isRegularFile(FIXTURES.resolve("full-example.yml")),
                "docker/cli fixtures not present at " + FIXTURES.toAbsolutePath() + "; conformance test skipped");
        golden = new ObjectMapper().readTree(FIXTURES.resolve("full-example.json.golden").toFile());
        Map<Path, String> files = Map.of(
                Path.of("/foo/example1.env"), "FOO=foo_from_env_file\nBAR=bar_from_env_file\n",
                Path.of("/foo/example2.env"), "BAR=bar_from_env_file_2\n",
                Path.of("/foo/config_data"), "config",
                Path.of("/foo/secret_data"), "secret");
        ReadContext.Files reader = p -> {
            String s = files.get(p);
            if (s == null) {
                throw new NoSuchFileException(p.toString());
            }
            return s.getBytes(StandardCharsets.UTF_8);
        };
        Map<String, String> env = Map.of("HOME", "/bar", "QUX", "qux_from_environment");
        diag = new Diagnostics();
        YNode tree = YamlReader.read("full-example.yml", Files.readString(FIXTURES.resolve("full-example.yml")), diag).orElseThrow();
        tree = Interpolator.interpolate(tree, env, diag);
        project = ProjectReader.read(tree, "full", new ReadContext(Path.of("/foo"), env, reader), diag);
    }

    private static ComposeService foo() {
        return project.services().get("foo");
    }

    private static JsonNode gfoo() {
        return golden.get("services").get("foo");
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void jswarmRefusesExactlyWhatItCannotDeploy() {
        List<String> errorPaths = diag.errors().stream().map(ComposeProblem::path).toList();
        assertEquals(List.of(
                // depends_on names services the file does not define (docker/cli does not check)
                "services.foo.depends_on.db", "services.foo.depends_on.redis",
                // a network and a named volume used but not declared (docker stack deploy fails on
                // these too, but only when converting, one at a time)
                "services.foo.networks.other-other-network", "services.foo.volumes[5]",
                // Swarm cluster volumes (CSI) are not supported
                "services.foo.volumes[8].type",
                // a config/secret with only a name and neither file nor external: nothing to create
                "configs.config4", "secrets.secret4"), errorPaths, diag.errors().toString());
    }

    @Test
    void clusterMeaninglessKeysAreWarnedAbout() {
        TreeSet<String> warned = new TreeSet<>();
        diag.warnings().forEach(w -> warned.add(w.path()));
        for (String key : List.of("build", "container_name", "links", "external_links", "network_mode", "privileged",
                "cgroup_parent", "devices", "dns_search", "domainname", "ipc", "pid", "logging", "mac_address",
                "security_opt", "stdin_open", "tty", "expose")) {
            assertTrue(warned.contains("services.foo." + key), key + " not warned: " + warned);
        }
        assertTrue(warned.contains("version"));
        assertTrue(warned.contains("services.foo.deploy.resources.reservations.generic_resources"));
    }

    @Test
    void scalarsCommandsAndEnvironment() {
        ComposeService s = foo();
        JsonNode g = gfoo();
        assertEquals(g.get("image").asText(), s.image());
        assertEquals(strings(g.get("command")), s.command());
        assertEquals(strings(g.get("entrypoint")), s.entrypoint());
        Map<String, String> env = new TreeMap<>();
        g.get("environment").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        assertEquals(env, s.environment());
        assertEquals(strings(g.get("cap_add")), s.capAdd());
        assertEquals(strings(g.get("cap_drop")), s.capDrop());
        assertEquals(strings(g.get("dns")), s.dns());
        assertEquals(g.get("hostname").asText(), s.hostname());
        assertEquals(g.get("user").asText(), s.user());
        assertEquals(g.get("working_dir").asText(), s.workingDir());
        assertEquals(g.get("read_only").asBoolean(), s.readOnly());
        assertEquals(g.get("stop_signal").asText(), s.stopSignal());
        assertEquals(Durations.parse(g.get("stop_grace_period").asText()), s.stopGracePeriod());
        Map<String, String> labels = new TreeMap<>();
        g.get("labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        assertEquals(labels, s.labels());
        Map<String, String> sysctls = new TreeMap<>();
        g.get("sysctls").fields().forEachRemaining(e -> sysctls.put(e.getKey(), e.getValue().asText()));
        assertEquals(sysctls, s.sysctls());
        List<String> hosts = strings(g.get("extra_hosts")).stream()
                .map(h -> h.substring(h.indexOf(':') + 1) + " " + h.substring(0, h.indexOf(':'))).toList();
        assertEquals(hosts, s.extraHosts());
        assertEquals(io.jswarm.api.task.RestartCondition.ANY, s.restart().condition(), "restart: always");
    }

    @Test
    void healthcheckAndUlimits() {
        JsonNode h = gfoo().get("healthcheck");
        var hc = foo().healthcheck();
        assertEquals(strings(h.get("test")), hc.test());
        assertEquals(Durations.parse(h.get("interval").asText()), hc.interval());
        assertEquals(Durations.parse(h.get("timeout").asText()), hc.timeout());
        assertEquals(h.get("retries").asInt(), hc.retries());
        assertEquals(Durations.parse(h.get("start_period").asText()), hc.startPeriod());
        JsonNode u = gfoo().get("ulimits");
        var byName = new TreeMap<String, io.jswarm.api.task.Ulimit>();
        foo().ulimits().forEach(x -> byName.put(x.name(), x));
        assertEquals(u.get("nproc").asLong(), byName.get("nproc").soft());
        assertEquals(u.get("nofile").get("soft").asLong(), byName.get("nofile").soft());
        assertEquals(u.get("nofile").get("hard").asLong(), byName.get("nofile").hard());
    }

    @Test
    void portsExpandLikeDockerCli() {
        List<String> expected = new ArrayList<>();
        gfoo().get("ports").forEach(p -> expected.add(p.get("target").asInt() + "<-"
                + (p.has("published") ? p.get("published").asInt() : "") + "/" + p.get("protocol").asText() + "/" + p.get("mode").asText()));
        List<String> actual = foo().ports().stream().map(Located::value)
                .map((PortConfig p) -> p.targetPort() + "<-" + (p.publishedPort() == null ? "" : p.publishedPort()) + "/"
                        + p.protocol().wireName() + "/" + p.publishMode().wireName()).toList();
        assertEquals(expected, actual);
    }

    @Test
    void volumesResolvePathsLikeDockerCli() {
        List<String> expected = new ArrayList<>();
        JsonNode vols = gfoo().get("volumes");
        for (int i = 0; i < vols.size() - 1; i++) { // the last is a cluster volume, refused above
            JsonNode v = vols.get(i);
            expected.add(v.get("type").asText() + " " + (v.has("source") ? v.get("source").asText() : "") + " -> "
                    + v.get("target").asText() + (v.path("read_only").asBoolean() ? " ro" : "")
                    + (v.has("tmpfs") ? " size=" + v.get("tmpfs").get("size").asLong() : ""));
        }
        List<String> actual = new ArrayList<>();
        for (Located<Mount> l : foo().mounts()) {
            Mount m = l.value();
            if (l.path().startsWith("services.foo.tmpfs")) {
                continue; // tmpfs: key, compared separately
            }
            actual.add(m.type().name().toLowerCase() + " " + (m.source() == null ? "" : m.source()) + " -> " + m.target()
                    + (m.readOnly() ? " ro" : "") + (m.tmpfsSizeBytes() == null ? "" : " size=" + m.tmpfsSizeBytes()));
        }
        assertEquals(expected, actual);
        assertEquals(strings(gfoo().get("tmpfs")), foo().mounts().stream().filter(l -> l.path().startsWith("services.foo.tmpfs"))
                .map(l -> l.value().target()).toList());
    }

    @Test
    void deploySection() {
        JsonNode d = gfoo().get("deploy");
        var dep = foo().deploy();
        assertEquals(d.get("mode").asText(), dep.mode());
        assertEquals(d.get("replicas").asInt(), dep.replicas());
        assertEquals(Map.of("FOO", "BAR"), dep.labels());
        for (String key : List.of("update_config", "rollback_config")) {
            JsonNode g = d.get(key);
            var u = key.equals("update_config") ? dep.update() : dep.rollback();
            assertEquals(g.get("parallelism").asInt(), u.parallelism());
            assertEquals(Durations.parse(g.get("delay").asText()), u.delay());
            assertEquals(g.get("failure_action").asText(), u.failureAction().name().toLowerCase());
            assertEquals(Durations.parse(g.get("monitor").asText()), u.monitor());
            assertEquals(g.get("max_failure_ratio").asDouble(), u.maxFailureRatio());
            assertEquals(g.get("order").asText(), u.order().name().toLowerCase().replace('_', '-'));
        }
        JsonNode lim = d.get("resources").get("limits");
        assertEquals(Cpus.parseNanoCpus(lim.get("cpus").asText()), dep.resources().limits().nanoCpus());
        assertEquals(ByteSizes.parse(lim.get("memory").asText()), dep.resources().limits().memoryBytes());
        assertEquals(lim.get("pids").asLong(), dep.resources().limits().pids());
        JsonNode res = d.get("resources").get("reservations");
        assertEquals(Cpus.parseNanoCpus(res.get("cpus").asText()), dep.resources().reservations().nanoCpus());
        assertEquals(ByteSizes.parse(res.get("memory").asText()), dep.resources().reservations().memoryBytes());
        JsonNode rp = d.get("restart_policy");
        assertEquals(rp.get("condition").asText(), dep.restartPolicy().condition().name().toLowerCase().replace('_', '-'));
        assertEquals(Durations.parse(rp.get("delay").asText()), dep.restartPolicy().delay());
        assertEquals(rp.get("max_attempts").asInt(), dep.restartPolicy().maxAttempts());
        assertEquals(Durations.parse(rp.get("window").asText()), dep.restartPolicy().window());
        JsonNode pl = d.get("placement");
        assertEquals(strings(pl.get("constraints")), dep.constraints().stream().map(Located::value).toList());
        assertEquals(pl.get("preferences").get(0).get("spread").asText(), dep.preferences().get(0).spread());
        assertEquals(pl.get("max_replicas_per_node").asInt(), dep.maxReplicasPerNode());
        assertEquals(d.get("endpoint_mode").asText(), dep.endpointMode().wireName());
    }

    @Test
    void secretsConfigsAndTheirReferences() {
        JsonNode gs = gfoo().get("secrets").get(1);
        var s = foo().secrets().get(1);
        assertEquals(gs.get("source").asText(), s.source());
        assertEquals(gs.get("target").asText(), s.target());
        assertEquals(gs.get("uid").asText(), s.uid());
        assertEquals(gs.get("gid").asText(), s.gid());
        assertEquals(gs.get("mode").asInt(), s.mode());
        assertEquals(gfoo().get("configs").get(1).get("mode").asInt(), foo().configs().get(1).mode());
        for (String top : List.of("secrets", "configs")) {
            var defs = top.equals("secrets") ? project.secrets() : project.configs();
            golden.get(top).fields().forEachRemaining(e -> {
                if (!defs.containsKey(e.getKey())) {
                    return; // the refused ones
                }
                var def = defs.get(e.getKey());
                assertEquals(e.getValue().get("external").asBoolean(), def.external(), e.getKey());
                if (def.external()) {
                    assertEquals(e.getValue().get("name").asText(), def.name(), e.getKey());
                } else {
                    assertEquals(e.getValue().get("file").asText(), def.file(), e.getKey());
                }
            });
        }
    }

    @Test
    void networksAndVolumes() {
        golden.get("networks").fields().forEachRemaining(e -> {
            var n = project.networks().get(e.getKey());
            assertEquals(e.getValue().get("external").asBoolean(), n.external(), e.getKey());
            if (e.getValue().has("name")) {
                assertEquals(e.getValue().get("name").asText(), n.name(), e.getKey());
            }
            if (e.getValue().has("driver")) {
                assertEquals(e.getValue().get("driver").asText(), n.driver(), e.getKey());
            }
        });
        assertEquals(List.of("172.16.238.0/24", "2001:3984:3989::/64"), project.networks().get("other-network").subnets());
        golden.get("volumes").fields().forEachRemaining(e -> {
            var v = project.volumes().get(e.getKey());
            assertEquals(e.getValue().get("external").asBoolean(), v.external(), e.getKey());
            if (e.getValue().has("name")) {
                assertEquals(e.getValue().get("name").asText(), v.name(), e.getKey());
            }
            if (e.getValue().has("driver_opts")) {
                Map<String, String> opts = new TreeMap<>();
                e.getValue().get("driver_opts").fields().forEachRemaining(o -> opts.put(o.getKey(), o.getValue().asText()));
                assertEquals(opts, v.driverOpts(), e.getKey());
            }
        });
        assertEquals(List.of("alias1", "alias3"), foo().networks().get("some-network"));
    }
}
