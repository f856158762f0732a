package io.jswarm.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jswarm.api.service.EndpointMode;
import io.jswarm.api.service.FailureAction;
import io.jswarm.api.service.PortConfig;
import io.jswarm.api.service.Protocol;
import io.jswarm.api.service.PublishMode;
import io.jswarm.api.service.ServiceMode;
import io.jswarm.api.service.ServiceSpec;
import io.jswarm.api.service.UpdateOrder;
import io.jswarm.api.task.ContainerSpec;
import io.jswarm.api.task.Mount;
import io.jswarm.api.task.MountType;
import io.jswarm.api.task.NetworkAttachment;
import io.jswarm.api.task.PlacementPreference;
import io.jswarm.api.task.RestartCondition;
import io.jswarm.api.task.Ulimit;
import io.jswarm.compose.convert.FileMount;
import io.jswarm.compose.convert.StackNetwork;
import io.jswarm.compose.model.Dependency;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One test per group of keys: what the YAML says and what the spec becomes. */
class ServiceKeysTest {

    private static ServiceSpec web(String serviceBody) {
        return Project.of("services:\n  web:\n    image: busybox\n" + serviceBody.indent(4)).service("web");
    }

    private static ContainerSpec container(String serviceBody) {
        return web(serviceBody).task().container();
    }

    @Test
    void namesAndStackLabels() {
        ServiceSpec s = web("labels: {tier: front}\ndeploy:\n  labels: [owner=ops]");
        assertEquals("shop_web", s.name());
        assertEquals(Map.of("com.docker.stack.namespace", "shop", "owner", "ops"), s.labels());
        assertEquals(Map.of("com.docker.stack.namespace", "shop", "tier", "front"), s.task().container().labels());
        assertEquals("busybox", s.task().container().image());
    }

    @Test
    void commandAndEntrypointStringOrList() {
        ContainerSpec c = container("entrypoint: /bin/sh -c\ncommand: [\"echo\", \"a b\"]");
        assertEquals(List.of("/bin/sh", "-c"), c.command(), "entrypoint replaces the image entrypoint");
        assertEquals(List.of("echo", "a b"), c.args(), "command replaces the image cmd");
        c = container("command: bundle exec 'thin server' -p \"3000\"");
        assertEquals(List.of("bundle", "exec", "thin server", "-p", "3000"), c.args());
        assertTrue(container("").args().isEmpty());
    }

    @Test
    void environmentListMapEnvFileAndInheritance() {
        ContainerSpec c = Project.of("""
                services:
                  web:
                    image: busybox
                    env_file: [a.env, b.env]
                    environment:
                      FROM_MAP: 1
                      OVERRIDE: from-environment
                      INHERITED:
                      UNSET_EVERYWHERE:
                """).file("a.env", "A=a\nOVERRIDE=from-a\n").file("b.env", "B=b\nA=a-from-b\n")
                .env(Map.of("INHERITED", "from-shell")).service("web").task().container();
        assertEquals(List.of("A=a-from-b", "B=b", "FROM_MAP=1", "INHERITED=from-shell", "OVERRIDE=from-environment"), c.env());
        assertEquals(List.of("X=1", "Y=two"), container("environment: [Y=two, X=1]").env());
    }

    @Test
    void envFileMayBeOptional() {
        ContainerSpec c = Project.of("services:\n  web:\n    image: busybox\n    env_file:\n      - path: missing.env\n        required: false\n")
                .service("web").task().container();
        assertTrue(c.env().isEmpty());
    }

    @Test
    void userWorkdirHostnameStop() {
        ContainerSpec c = container("user: \"1000:1000\"\nworking_dir: /app\nhostname: web-1\nstop_signal: SIGUSR1\nstop_grace_period: 1m30s\n"
                + "init: true\nread_only: true");
        assertEquals("1000:1000", c.user());
        assertEquals("/app", c.workdir());
        assertEquals("web-1", c.hostname());
        assertEquals("SIGUSR1", c.stopSignal());
        assertEquals(Duration.ofSeconds(90), c.stopGracePeriod());
        assertEquals(Boolean.TRUE, c.init());
        assertTrue(c.readOnly());
    }

    @Test
    void portsShortSyntaxIncludingRangesAndProtocols() {
        List<PortConfig> ports = web("ports:\n  - 3000\n  - \"8000:80\"\n  - \"9090-9091:8080-8081\"\n  - \"53:53/udp\"\n"
                + "  - \"127.0.0.1:5000:5000\"\n  - \"7000-7001\"").endpoint().ports();
        assertEquals(List.of(
                new PortConfig(null, Protocol.UDP, 53, 53, PublishMode.INGRESS),
                new PortConfig(null, Protocol.TCP, 5000, 5000, PublishMode.INGRESS),
                new PortConfig(null, Protocol.TCP, 80, 8000, PublishMode.INGRESS),
                new PortConfig(null, Protocol.TCP, 8080, 9090, PublishMode.INGRESS),
                new PortConfig(null, Protocol.TCP, 8081, 9091, PublishMode.INGRESS),
                new PortConfig(null, Protocol.TCP, 3000, null, PublishMode.INGRESS),
                new PortConfig(null, Protocol.TCP, 7000, null, PublishMode.INGRESS),
                new PortConfig(null, Protocol.TCP, 7001, null, PublishMode.INGRESS)), ports);
    }

    @Test
    void hostIpIsWarnedAbout() {
        LoadResult r = Project.of("services:\n  web:\n    image: busybox\n    ports: [\"127.0.0.1:5000:5000\"]\n").load();
        assertTrue(r.warnings().stream().anyMatch(w -> w.message().contains("host IP 127.0.0.1 ignored") && w.line() == 4), r.warnings().toString());
    }

    @Test
    void portsLongSyntax() {
        List<PortConfig> ports = web("ports:\n  - target: 80\n    published: \"8080\"\n    protocol: udp\n    mode: host\n    name: http")
                .endpoint().ports();
        assertEquals(List.of(new PortConfig("http", Protocol.UDP, 80, 8080, PublishMode.HOST)), ports);
    }

    @Test
    void volumesShortLongAndTmpfs() {
        ContainerSpec c = Project.of("""
                services:
                  web:
                    image: busybox
                    volumes:
                      - /anon
                      - data:/data:ro
                      - ./site:/srv/site
                      - ~/conf:/etc/conf:ro
                      - /opt/abs:/opt
                      - type: tmpfs
                        target: /cache
                        tmpfs: {size: 64m}
                      - type: volume
                        source: data
                        target: /data2
                        read_only: true
                      - type: bind
                        source: ../up
                        target: /up
                    tmpfs: /run
                volumes:
                  data:
                """).env(Map.of("HOME", "/home/me")).service("web").task().container();
        assertEquals(List.of(
                new Mount(MountType.VOLUME, null, "/anon", false, null),
                new Mount(MountType.TMPFS, null, "/cache", false, 64L << 20),
                new Mount(MountType.VOLUME, "shop_data", "/data", true, null),
                new Mount(MountType.VOLUME, "shop_data", "/data2", true, null),
                new Mount(MountType.BIND, "/home/me/conf", "/etc/conf", true, null),
                new Mount(MountType.BIND, "/opt/abs", "/opt", false, null),
                new Mount(MountType.TMPFS, null, "/run", false, null),
                new Mount(MountType.BIND, "/p/site", "/srv/site", false, null),
                new Mount(MountType.BIND, "/up", "/up", false, null)), c.mounts());
    }

    @Test
    void externalAndNamedVolumesKeepTheirNames() {
        LoadResult r = Project.of("""
                services:
                  web:
                    image: busybox
                    volumes: [ext:/a, named:/b]
                volumes:
                  ext: {external: true}
                  named: {name: exactly-this}
                """).load();
        assertEquals(List.of("ext", "exactly-this"),
                r.services().get(0).task().container().mounts().stream().map(Mount::source).toList());
        assertTrue(r.volumes().get(0).external());
        assertEquals(Map.of(), r.volumes().get(0).labels(), "external volumes are not the stack's: no stack label");
        assertEquals("shop", r.volumes().get(1).labels().get("com.docker.stack.namespace"));
    }

    @Test
    void healthcheckForms() {
        var h = container("healthcheck:\n  test: curl -f http://localhost\n  interval: 10s\n  timeout: 2s\n  retries: 5\n  start_period: 1m")
                .healthcheck();
        assertEquals(List.of("CMD-SHELL", "curl -f http://localhost"), h.test());
        assertEquals(Duration.ofSeconds(10), h.interval());
        assertEquals(Duration.ofSeconds(2), h.timeout());
        assertEquals(5, h.retries());
        assertEquals(Duration.ofMinutes(1), h.startPeriod());
        assertEquals(List.of("CMD", "true"), container("healthcheck:\n  test: [CMD, \"true\"]").healthcheck().test());
        assertTrue(container("healthcheck:\n  disable: true").healthcheck().disabled());
        assertNull(container("").healthcheck());
    }

    @Test
    void restartFallbackAndDeployRestartPolicy() {
        var p = web("restart: on-failure:3").task().restartPolicy();
        assertEquals(RestartCondition.ON_FAILURE, p.condition());
        assertEquals(3, p.maxAttempts());
        assertEquals(RestartCondition.NONE, web("restart: no").task().restartPolicy().condition());
        assertEquals(RestartCondition.NONE, web("restart: \"no\"").task().restartPolicy().condition());
        assertEquals(RestartCondition.ANY, web("restart: unless-stopped").task().restartPolicy().condition());
        p = web("restart: always\ndeploy:\n  restart_policy:\n    condition: on-failure\n    delay: 2s\n    max_attempts: 4\n    window: 2m")
                .task().restartPolicy();
        assertEquals(RestartCondition.ON_FAILURE, p.condition(), "deploy.restart_policy wins over restart");
        assertEquals(Duration.ofSeconds(2), p.delay());
        assertEquals(4, p.maxAttempts());
        assertEquals(Duration.ofMinutes(2), p.window());
    }

    @Test
    void capabilitiesUlimitsSysctlsHostsDns() {
        ContainerSpec c = container("""
                cap_add: [NET_ADMIN, CHOWN]
                cap_drop: [ALL]
                ulimits:
                  nproc: 65535
                  nofile: {soft: 20000, hard: 40000}
                sysctls: [net.core.somaxconn=1024]
                extra_hosts: ["somehost:162.242.195.82", "v6=::1"]
                dns: 8.8.8.8
                """);
        assertEquals(List.of("CHOWN", "NET_ADMIN"), c.capabilityAdd());
        assertEquals(List.of("ALL"), c.capabilityDrop());
        assertEquals(List.of(new Ulimit("nofile", 20000, 40000), new Ulimit("nproc", 65535, 65535)), c.ulimits());
        assertEquals(Map.of("net.core.somaxconn", "1024"), c.sysctls());
        assertEquals(List.of("162.242.195.82 somehost", "::1 v6"), c.hosts());
        assertEquals(List.of("8.8.8.8"), c.dnsServers());
    }

    @Test
    void networksDefaultExplicitAndAliases() {
        LoadResult r = Project.of("""
                services:
                  web:
                    image: busybox
                    networks:
                      front: {aliases: [www]}
                      back:
                  db:
                    image: busybox
                networks:
                  front:
                  back: {driver: overlay, internal: true, attachable: true, ipam: {config: [{subnet: 10.9.0.0/24}]}}
                """).load();
        ServiceSpec web = r.services().get(1);
        assertEquals(List.of(new NetworkAttachment("shop_back", List.of("web")), new NetworkAttachment("shop_front", List.of("web", "www"))),
                web.task().networks());
        assertEquals(List.of(new NetworkAttachment("shop_default", List.of("db"))), r.services().get(0).task().networks());
        assertEquals(List.of("back", "default", "front"), r.networks().stream().map(StackNetwork::key).toList());
        StackNetwork back = r.networks().get(0);
        assertTrue(back.internal() && back.attachable());
        assertEquals(List.of("10.9.0.0/24"), back.subnets());
    }

    @Test
    void secretsAndConfigsKeepTheirContent() {
        LoadResult r = Project.of("""
                services:
                  web:
                    image: busybox
                    secrets: [db_password, {source: api_key, target: key.txt, uid: "100", mode: 0400}]
                    configs: [{source: site, target: /etc/site.conf}]
                secrets:
                  db_password: {file: ./secrets/db.txt}
                  api_key: {environment: API_KEY}
                configs:
                  site: {content: "listen 80"}
                  ext: {external: true, name: shared-site}
                """).file("secrets/db.txt", "hunter2").env(Map.of("API_KEY", "k-123")).load();
        assertEquals("hunter2", new String(r.secrets().get(1).data().bytes(), StandardCharsets.UTF_8));
        assertEquals("shop_db_password", r.secrets().get(1).name());
        assertEquals("k-123", new String(r.secrets().get(0).data().bytes(), StandardCharsets.UTF_8));
        assertEquals("shared-site", r.configs().get(0).name());
        assertTrue(r.configs().get(0).external());
        var d = r.deployments().get(0);
        assertEquals(List.of(new FileMount("shop_db_password", "/run/secrets/db_password", "0", "0", 0444),
                new FileMount("shop_api_key", "/run/secrets/key.txt", "100", "0", 0400)), d.secrets(), "sorted by target");
        assertEquals(List.of(new FileMount("shop_site", "/etc/site.conf", "0", "0", 0444)), d.configs());
        assertFalse(r.secrets().get(1).data().toString().contains("hunter2"), "secret bytes never reach toString");
    }

    @Test
    void deployModesAndReplicas() {
        assertEquals(new ServiceMode.Replicated(1), web("").mode());
        assertEquals(new ServiceMode.Replicated(6), web("deploy: {replicas: 6}").mode());
        assertEquals(new ServiceMode.Replicated(2), web("deploy: {replicas: \"2\"}").mode());
        assertEquals(new ServiceMode.Global(), web("deploy: {mode: global}").mode());
        assertEquals(new ServiceMode.ReplicatedJob(3, 3), web("deploy: {mode: replicated-job, replicas: 3}").mode());
        assertEquals(new ServiceMode.GlobalJob(), web("deploy: {mode: global-job}").mode());
        assertEquals(RestartCondition.ON_FAILURE, web("deploy: {mode: global-job}").task().restartPolicy().condition(),
                "a finished job must not be restarted by default");
    }

    @Test
    void placementResourcesUpdateRollbackEndpoint() {
        ServiceSpec s = web("""
                deploy:
                  placement:
                    constraints: [node.role==worker, node.labels.zone==eu]
                    preferences: [{spread: node.labels.zone}]
                    max_replicas_per_node: 2
                  resources:
                    limits: {cpus: "0.5", memory: 512M, pids: 100}
                    reservations: {cpus: '0.25', memory: 128m}
                  update_config: {parallelism: 2, delay: 10s, failure_action: rollback, monitor: 1m, max_failure_ratio: 0.3, order: start-first}
                  rollback_config: {parallelism: 0}
                  endpoint_mode: dnsrr
                """);
        var placement = s.task().placement();
        assertEquals(List.of("node.labels.zone==eu", "node.role==worker"), placement.constraints(), "sorted");
        assertEquals(List.of(new PlacementPreference("node.labels.zone")), placement.preferences());
        assertEquals(2, placement.maxReplicasPerNode());
        var res = s.task().resources();
        assertEquals(500_000_000L, res.limits().nanoCpus());
        assertEquals(512L << 20, res.limits().memoryBytes());
        assertEquals(100L, res.limits().pids());
        assertEquals(250_000_000L, res.reservations().nanoCpus());
        assertEquals(128L << 20, res.reservations().memoryBytes());
        assertEquals(2, s.update().parallelism());
        assertEquals(Duration.ofSeconds(10), s.update().delay());
        assertEquals(FailureAction.ROLLBACK, s.update().failureAction());
        assertEquals(Duration.ofMinutes(1), s.update().monitor());
        assertEquals(0.3, s.update().maxFailureRatio());
        assertEquals(UpdateOrder.START_FIRST, s.update().order());
        assertEquals(0, s.rollback().parallelism());
        assertEquals(FailureAction.PAUSE, s.rollback().failureAction(), "unset fields keep Docker's defaults");
        assertEquals(EndpointMode.DNSRR, s.endpoint().mode());
    }

    @Test
    void dependsOnShortAndLongForms() {
        LoadResult r = Project.of("""
                services:
                  web:
                    image: busybox
                    depends_on:
                      db: {condition: service_healthy, restart: true}
                      migrate: {condition: service_completed_successfully}
                  db: {image: busybox}
                  migrate: {image: busybox, depends_on: [db]}
                """).load();
        var web = r.deployments().stream().filter(d -> d.service().equals("shop_web")).findFirst().orElseThrow();
        assertEquals(Map.of("shop_db", new Dependency(Dependency.Condition.SERVICE_HEALTHY, true, true),
                "shop_migrate", new Dependency(Dependency.Condition.SERVICE_COMPLETED_SUCCESSFULLY, false, true)), web.dependsOn());
        assertEquals(List.of("shop_db", "shop_migrate", "shop_web"), r.order());
    }

    @Test
    void interpolationReachesTypedFields() {
        ServiceSpec s = Project.of("""
                services:
                  web:
                    image: "registry:5000/app:${TAG:-latest}"
                    read_only: ${RO}
                    deploy: {replicas: "${N}"}
                """).env(Map.of("N", "4", "RO", "true")).service("web");
        assertEquals("registry:5000/app:latest", s.task().container().image());
        assertEquals(new ServiceMode.Replicated(4), s.mode());
        assertTrue(s.task().container().readOnly());
    }

    @Test
    void extensionFieldsAreAllowedAnywhere() {
        LoadResult r = Project.of("""
                x-top: {anything: [1, 2]}
                services:
                  web:
                    image: busybox
                    x-svc: 1
                    deploy: {x-deep: true, resources: {x-deeper: 1}}
                    ports: [{target: 80, x-port: 1}]
                """).load();
        assertTrue(r.warnings().isEmpty(), r.warnings().toString());
    }

    @Test
    void clusterMeaninglessKeysAreWarnedByName() {
        LoadResult r = Project.of("""
                version: "3.8"
                services:
                  web:
                    image: busybox
                    build: .
                    container_name: web
                    privileged: true
                    network_mode: host
                    links: [db]
                """).load();
        List<String> warned = r.warnings().stream().map(ComposeProblem::path).toList();
        assertEquals(List.of("version", "services.web.build", "services.web.container_name", "services.web.privileged",
                "services.web.network_mode", "services.web.links"), warned);
        assertTrue(r.warnings().get(2).message().startsWith("ignored: "), r.warnings().get(2).message());
        assertEquals(6, r.warnings().get(2).line());
    }

    @Test
    void projectNameFromOptionFileOrDirectory() {
        String yaml = "name: fromfile\nservices:\n  web: {image: busybox}\n";
        assertEquals("fromoption", Project.of(yaml).name("fromoption").load().stackName());
        assertEquals("fromfile", Project.of(yaml).name(null).load().stackName());
        assertEquals("p", Project.of("services:\n  web: {image: busybox}\n").name(null).load().stackName());
    }
}
