package io.jswarm.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad compose files: each must be refused with the file, line, column, key path and a message a
 * user can act on. {@code WEB} is prepended to most cases, so their own lines start at line 4 and
 * service keys at column 5.
 */
class BadFilesTest {
    private static final String WEB = "services:\n  web:\n    image: busybox\n";
    private static final String FILE = "/p/compose.yml";

    record Case(String name, String yaml, int line, int column, String path, String message) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("replicas not a number", WEB + "    deploy:\n      replicas: three\n", 5, 17,
                        "services.web.deploy.replicas", "expected a non-negative integer, got \"three\""),
                new Case("negative replicas", WEB + "    deploy: {replicas: -1}\n", 4, 24,
                        "services.web.deploy.replicas", "expected a non-negative integer, got -1"),
                new Case("unknown service key", "services:\n  web:\n    imgae: busybox\n", 3, 5,
                        "services.web.imgae", "unknown key \"imgae\" (did you mean \"image\"?)"),
                new Case("unknown deploy key", WEB + "    deploy:\n      replica: 2\n", 5, 7,
                        "services.web.deploy.replica", "unknown key \"replica\" (did you mean \"replicas\"?)"),
                new Case("unknown top-level key", "service:\n  web: {image: busybox}\nservices:\n  x: {image: busybox}\n", 1, 1,
                        "service", "unknown key \"service\" (did you mean \"services\"?)"),
                new Case("unknown key without suggestion", WEB + "    frobnicate: 1\n", 4, 5,
                        "services.web.frobnicate", "unknown key \"frobnicate\""),
                new Case("duration without unit", WEB + "    stop_grace_period: 10\n", 4, 24,
                        "services.web.stop_grace_period", "invalid duration \"10\""),
                new Case("duration in words", WEB + "    healthcheck:\n      test: [CMD, \"true\"]\n      interval: 10 seconds\n", 6, 17,
                        "services.web.healthcheck.interval", "invalid duration \"10 seconds\""),
                new Case("bad memory size", WEB + "    deploy:\n      resources:\n        limits:\n          memory: 12X\n", 7, 19,
                        "services.web.deploy.resources.limits.memory", "invalid size \"12X\""),
                new Case("bad cpus", WEB + "    deploy:\n      resources:\n        reservations:\n          cpus: half\n", 7, 17,
                        "services.web.deploy.resources.reservations.cpus", "invalid CPU amount \"half\""),
                new Case("zero cpus", WEB + "    deploy:\n      resources:\n        limits: {cpus: \"0\"}\n", 6, 24,
                        "services.web.deploy.resources.limits.cpus", "must be more than 0"),
                new Case("port with too many parts", WEB + "    ports: [\"1:2:3:4\"]\n", 4, 13,
                        "services.web.ports[0]", "invalid port \"1:2:3:4\""),
                new Case("port out of range", WEB + "    ports:\n      - \"70000:80\"\n", 5, 9,
                        "services.web.ports[0]", "port 70000 out of range 1-65535"),
                new Case("port ranges of different length", WEB + "    ports: [\"8000-8001:80-82\"]\n", 4, 13,
                        "services.web.ports[0]", "port ranges differ in length"),
                new Case("unknown port protocol", WEB + "    ports: [\"80/xyz\"]\n", 4, 13,
                        "services.web.ports[0]", "unknown protocol \"xyz\""),
                new Case("long port published out of range", WEB + "    ports:\n      - {target: 80, published: 99999}\n", 5, 33,
                        "services.web.ports[0].published", "port 99999 out of range 1-65535"),
                new Case("long port without target", WEB + "    ports:\n      - published: 80\n", 5, 9,
                        "services.web.ports[0]", "a port needs a target"),
                new Case("duplicate key", WEB + "    user: a\n    user: b\n", 5, 5, "", "duplicate key \"user\" (first defined at line 4)"),
                new Case("tab in indentation", WEB + "\tuser: a\n", 4, 1, "", "tab character in indentation"),
                new Case("environment as a string", WEB + "    environment: A=1\n", 4, 18,
                        "services.web.environment", "expected a mapping, got \"A=1\""),
                new Case("ports as a number", WEB + "    ports: 80\n", 4, 12, "services.web.ports", "expected a list of ports, got 80"),
                new Case("command as a mapping", WEB + "    command: {a: b}\n", 4, 14,
                        "services.web.command", "expected a list of strings, got a mapping"),
                new Case("volume with too many parts", WEB + "    volumes: [\"a:/b:ro:x\"]\n", 4, 15,
                        "services.web.volumes[0]", "invalid volume \"a:/b:ro:x\""),
                new Case("unknown volume mode", WEB + "    volumes: [\"data:/d:rx\"]\nvolumes: {data: {}}\n", 4, 15,
                        "services.web.volumes[0]", "unknown volume mode \"rx\""),
                new Case("relative mount target", WEB + "    volumes: [\"/host:relative\"]\n", 4, 15,
                        "services.web.volumes[0]", "the mount target must be an absolute path"),
                new Case("unsupported volume type", WEB + "    volumes:\n      - type: cluster\n        target: /srv\n", 5, 15,
                        "services.web.volumes[0].type", "volume type \"cluster\" is not supported"),
                new Case("undefined volume", WEB + "    volumes: [\"missing:/data\"]\n", 4, 15,
                        "services.web.volumes[0]", "volume \"missing\" is not defined under the top-level volumes"),
                new Case("undefined network with suggestion", WEB + "    networks: [frontend]\nnetworks:\n  front:\n", 4, 16,
                        "services.web.networks.frontend", "network \"frontend\" is not defined under the top-level networks (did you mean \"front\"?)"),
                new Case("undefined secret", WEB + "    secrets: [db_pass]\n", 4, 15,
                        "services.web.secrets[0]", "secret \"db_pass\" is not defined under the top-level secrets"),
                new Case("undefined dependency with suggestion", WEB + "    depends_on: [dbb]\n  db: {image: busybox}\n", 4, 18,
                        "services.web.depends_on.dbb", "service \"dbb\" is not defined under the top-level services (did you mean \"db\"?)"),
                new Case("dependency cycle", "services:\n  a:\n    image: busybox\n    depends_on: [b]\n  b:\n    image: busybox\n"
                        + "    depends_on: [c]\n  c:\n    image: busybox\n    depends_on: [a]\n", 4, 18,
                        "services.a.depends_on.b", "dependency cycle: a -> b -> c -> a"),
                new Case("unknown restart value", WEB + "    restart: sometimes\n", 4, 14,
                        "services.web.restart", "expected no, always, on-failure[:N] or unless-stopped, got \"sometimes\""),
                new Case("misspelt mode", WEB + "    deploy: {mode: replicatd}\n", 4, 20,
                        "services.web.deploy.mode", "got \"replicatd\" (did you mean \"replicated\"?)"),
                new Case("restart condition with underscore", WEB + "    deploy:\n      restart_policy: {condition: on_failure}\n", 5, 35,
                        "services.web.deploy.restart_policy.condition", "(did you mean \"on-failure\"?)"),
                new Case("failure ratio above 1", WEB + "    deploy:\n      update_config: {max_failure_ratio: 2}\n", 5, 42,
                        "services.web.deploy.update_config.max_failure_ratio", "expected a number between 0 and 1, got 2"),
                new Case("unknown update order", WEB + "    deploy:\n      update_config:\n        order: first\n", 6, 16,
                        "services.web.deploy.update_config.order", "expected one of stop-first, start-first, got \"first\""),
                new Case("pids reservation", WEB + "    deploy:\n      resources:\n        reservations:\n          pids: 5\n", 7, 17,
                        "services.web.deploy.resources.reservations.pids", "pids can be limited but not reserved"),
                new Case("required variable", "services:\n  web:\n    image: ${IMAGE:?set IMAGE to the image to deploy}\n", 3, 12,
                        "services.web.image", "required variable IMAGE is missing a value: set IMAGE to the image to deploy"),
                new Case("lone dollar", WEB + "    command: [\"echo\", \"costs 5$\"]\n", 4, 23,
                        "services.web.command[1]", "a lone '$' at the end"),
                new Case("healthcheck test without CMD", WEB + "    healthcheck:\n      test: [curl, localhost]\n", 5, 13,
                        "services.web.healthcheck.test", "a test list starts with CMD, CMD-SHELL or NONE, got \"curl\""),
                new Case("ulimit soft above hard", WEB + "    ulimits:\n      nofile: {soft: 200, hard: 100}\n", 5, 22,
                        "services.web.ulimits.nofile.soft", "soft limit 200 exceeds hard limit 100"),
                new Case("missing image", "services:\n  web:\n    build: .\n", 3, 5, "services.web", "a service needs an image"),
                new Case("replicas in global mode", WEB + "    deploy: {mode: global, replicas: 2}\n", 4, 38,
                        "services.web.deploy.replicas", "replicas cannot be set in global mode"),
                new Case("constraint refused by the spec validator", WEB + "    deploy:\n      placement:\n        constraints: [node=foo]\n",
                        6, 23, "services.web.deploy.placement.constraints[0]", "is not of the form KEY==VALUE"),
                new Case("memory below the runtime floor", WEB + "    deploy:\n      resources:\n        limits: {memory: 1M}\n", 6, 26,
                        "services.web.deploy.resources.limits.memory", "must be at least 6MiB"),
                new Case("port published twice", WEB + "    ports: [\"8080:80\", \"8080:81\"]\n", 4, 24,
                        "services.web.ports[1]", "port 8080/tcp is already published"),
                new Case("invalid service name", "services:\n  web!:\n    image: busybox\n", 2, 3,
                        "services.web!", "invalid service name \"web!\""),
                new Case("missing secret file", WEB + "    secrets: [s]\nsecrets:\n  s: {file: ./nope.txt}\n", 6, 13,
                        "secrets.s.file", "cannot read /p/nope.txt"),
                new Case("missing env_file", WEB + "    env_file: prod.env\n", 4, 15, "services.web.env_file", "cannot read env file /p/prod.env"),
                new Case("unknown network driver", WEB + "networks:\n  n: {driver: weird}\n", 5, 15,
                        "networks.n.driver", "expected one of overlay, bridge, got \"weird\""),
                new Case("bad extra host", WEB + "    extra_hosts: [justahost]\n", 4, 19,
                        "services.web.extra_hosts[0]", "expected \"host:ip\" or \"host=ip\""),
                new Case("nested label value", WEB + "    labels:\n      a: {b: c}\n", 5, 10,
                        "services.web.labels.a", "expected a string, number, boolean or nothing, got a mapping"),
                new Case("tmpfs entry not a path", WEB + "    tmpfs: [{size: 1}]\n", 4, 13,
                        "services.web.tmpfs[0]", "expected a path such as /run, got a mapping"),
                new Case("extends would change the service", WEB + "    extends: {service: base}\n", 4, 5,
                        "services.web.extends", "not supported: merge the files with several -c instead"),
                new Case("include would leave services out", "include: [other.yml]\n" + WEB, 1, 1,
                        "include", "not supported: pass the files with several -c instead"),
                new Case("yaml syntax error", WEB + "    user: [a\n", 5, 1, "", "invalid YAML"),
                new Case("no services", "networks: {}\n", 1, 1, "services", "no services defined"),
                new Case("external resource with a driver", WEB + "volumes:\n  v: {external: true, driver: local}\n", 5, 23,
                        "volumes.v.driver", "an external resource is not created by the stack"),
                new Case("alias bomb", aliasBomb(), 6, 7, "", "alias bomb"),
                new Case("absurd nesting", WEB + "    labels: " + "{a: ".repeat(80) + "b" + "}".repeat(80) + "\n", 4, 0, "",
                        "nesting deeper than"));
    }

    private static String aliasBomb() {
        StringBuilder y = new StringBuilder("x-a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i <= 9; i++) {
            y.append("x-a").append(i).append(": &a").append(i).append(" [");
            for (int k = 0; k < 9; k++) {
                y.append(k == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            y.append("]\n");
        }
        return y + WEB;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRefusedWithPositionPathAndMessage(Case c) {
        ComposeException e = Project.of(c.yaml()).fail();
        List<ComposeProblem> matching = e.problems().stream()
                .filter(p -> p.path().equals(c.path()) && p.message().contains(c.message())).toList();
        assertEquals(1, matching.size(), "expected one problem at " + c.path() + " containing \"" + c.message()
                + "\", got:\n" + e.getMessage());
        ComposeProblem p = matching.get(0);
        assertEquals(FILE, p.file());
        assertEquals(c.line(), p.line(), p.toString());
        if (c.column() > 0) {
            assertEquals(c.column(), p.column(), p.toString());
        }
        assertTrue(e.getMessage().contains(FILE + ":" + p.line() + ":" + p.column() + ": "), e.getMessage());
    }

    @Test
    void everyProblemOfAFileIsReportedTogether() {
        ComposeException e = Project.of("""
                services:
                  web:
                    imgae: busybox
                    deploy:
                      replicas: many
                    ports: ["99999"]
                    stop_grace_period: soon
                  db:
                    image: postgres
                    depends_on: [cache]
                """).fail();
        assertEquals(List.of("services.web", "services.web.imgae", "services.web.deploy.replicas", "services.web.ports[0]",
                "services.web.stop_grace_period", "services.db.depends_on.cache"),
                e.problems().stream().map(ComposeProblem::path).toList(), e.getMessage());
    }

    @Test
    void theMessageReadsLikeACompilerError() {
        ComposeException e = Project.of(WEB + "    deploy:\n      replicas: three\n").fail();
        assertEquals("1 problem in the compose files:\n"
                + "  /p/compose.yml:5:17: services.web.deploy.replicas: expected a non-negative integer, got \"three\"", e.getMessage());
    }

    @Test
    void aFailedVariableDoesNotHideTheFilesOtherProblems() {
        ComposeException e = Project.of("""
                services:
                  web:
                    image: busybox
                    deploy: {replicas: "${N:?set N}"}
                    imgae: typo
                """).fail();
        assertEquals(List.of("services.web.deploy.replicas: required variable N is missing a value: set N",
                "services.web.imgae: unknown key \"imgae\" (did you mean \"image\"?)"),
                e.problems().stream().map(p -> p.path() + ": " + p.message()).toList(), "one problem per value, none about the raw text");
    }

    @Test
    void secretsAreLimitedLikeSwarmkit() {
        ComposeException e = Project.of(WEB + "secrets:\n  big: {file: big.bin}\n").file("big.bin", "x".repeat(500 * 1024 + 1)).fail();
        ComposeProblem p = e.problems().get(0);
        assertEquals("secrets.big.file", p.path());
        assertEquals(5, p.line());
        assertEquals("a secret may hold at most 500 KiB (512000 bytes), got 512001 bytes", p.message());
    }
}
