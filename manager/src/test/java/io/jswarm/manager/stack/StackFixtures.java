package io.jswarm.manager.stack;

import io.jswarm.compose.ComposeLoader;
import io.jswarm.compose.LoadOptions;
import io.jswarm.compose.LoadResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** Stacks for tests, loaded from YAML text by the real compose loader (no disk). */
public final class StackFixtures {
    private StackFixtures() {}

    /** db (healthcheck) ← migrate (job, waits healthy) ← web (2 replicas, waits for migrate to complete). */
    public static final String SHOP = """
            services:
              db:
                image: busybox:latest
                command: ["sleep", "3600"]
                healthcheck:
                  test: ["CMD", "true"]
                  interval: 1s
              migrate:
                image: busybox:latest
                command: ["exit", "0"]
                deploy:
                  mode: replicated-job
                depends_on:
                  db: {condition: service_healthy}
              web:
                image: busybox:latest
                command: ["httpd", "-f"]
                deploy: {replicas: 2}
                depends_on:
                  migrate: {condition: service_completed_successfully}
            """;

    public static LoadResult load(String stack, String yaml) {
        Path file = Path.of("/stacks/" + stack + "/compose.yaml");
        byte[] bytes = yaml.getBytes(StandardCharsets.UTF_8);
        return ComposeLoader.load(List.of(file), LoadOptions.of(stack), p -> {
            if (p.equals(file)) {
                return bytes;
            }
            throw new NoSuchFileException(p.toString());
        });
    }
}
