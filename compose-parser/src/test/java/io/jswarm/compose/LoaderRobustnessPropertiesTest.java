package io.jswarm.compose;

import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Assertions;

/**
 * Damaged compose files (characters replaced, inserted or deleted at random) must be answered
 * with a result or a {@link ComposeException} listing positioned problems — never another
 * exception, which would reach the user as a stack trace.
 */
class LoaderRobustnessPropertiesTest {
    private static final String VALID = IdempotenceTest.STACK.replace("services:\n", """
            x-base: &x {labels: {from: anchor}}
            services:
              full:
                <<: *x
                image: "app:${TAG:-1}"
                entrypoint: /bin/sh -c
                command: ["run", "--flag"]
                env_file: [{path: none.env, required: false}]
                user: "1000"
                working_dir: /app
                hostname: full
                tmpfs: [/run]
                healthcheck: {test: [CMD, "true"], interval: 5s, timeout: 1s, retries: 2, start_period: 1s}
                stop_signal: SIGINT
                stop_grace_period: 3s
                restart: on-failure:2
                init: true
                read_only: true
                cap_drop: [ALL]
                ulimits: {nofile: {soft: 10, hard: 20}, nproc: 5}
                sysctls: {net.core.somaxconn: 10}
                extra_hosts: {h: 10.0.0.1}
                dns: [1.1.1.1]
                secrets: [{source: s, target: t, mode: 0400}]
                depends_on: {db: {condition: service_started}}
                profiles: [p]
                ports: [{target: 80, published: 81, protocol: udp, mode: host}]
                volumes: [{type: tmpfs, target: /t, tmpfs: {size: 1m}}, {type: bind, source: ., target: /b}]
                deploy:
                  mode: replicated
                  replicas: 2
                  resources: {limits: {cpus: "1", memory: 64M, pids: 9}, reservations: {cpus: ".5"}}
                  restart_policy: {condition: any, delay: 1s, max_attempts: 1, window: 1m}
                  update_config: {parallelism: 1, order: start-first}
                  rollback_config: {failure_action: pause}
                  endpoint_mode: vip
                  labels: {k: v}
            """) + """
            secrets:
              s: {file: ./s.txt}
            """;

    static {
        // The edits damage a file that loads.
        Project.of(VALID).file("s.txt", "x").profiles("p").load();
    }

    record Edit(int position, int kind, char c) {}

    @Provide
    Arbitrary<List<Edit>> edits() {
        Arbitrary<Edit> one = Combinators.combine(
                Arbitraries.integers().between(0, VALID.length() - 1),
                Arbitraries.integers().between(0, 2),
                Arbitraries.of(':', '-', ' ', '\n', '\t', '{', '}', '[', ']', '"', '\'', '$', '&', '*', '<', '#', '!', 'x', '0', '%', '|', '>'))
                .as(Edit::new);
        return one.list().ofMinSize(1).ofMaxSize(4);
    }

    @Property(tries = 300)
    void damagedFilesGiveProblemsNotCrashes(@ForAll("edits") List<Edit> edits) {
        StringBuilder s = new StringBuilder(VALID);
        for (Edit e : edits) {
            int p = Math.min(e.position(), s.length() - 1);
            switch (e.kind()) {
                case 0 -> s.setCharAt(p, e.c());
                case 1 -> s.insert(p, e.c());
                default -> s.deleteCharAt(p);
            }
        }
        Project project = Project.of(s.toString()).file("s.txt", "x").env(Map.of()).profiles("p");
        try {
            project.load();
        } catch (ComposeException e) {
            Assertions.assertFalse(e.problems().isEmpty());
            e.problems().forEach(p -> Assertions.assertFalse(p.message().isBlank(), p.toString()));
        }
    }
}
