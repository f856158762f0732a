package io.jswarm.compose.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jswarm.compose.ComposeLoader;
import io.jswarm.compose.LoadOptions;
import io.jswarm.compose.LoadResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConfigRendererTest {

    private static LoadResult load(String yaml, Map<String, String> env) {
        Map<Path, String> files = Map.of(Path.of("/p/compose.yml"), yaml, Path.of("/p/s.txt"), "secret!");
        return ComposeLoader.load(List.of(Path.of("/p/compose.yml")), new LoadOptions(env, List.of(), Set.of(), "shop"), p -> {
            String s = files.get(p);
            if (s == null) {
                throw new NoSuchFileException(p.toString());
            }
            return s.getBytes(StandardCharsets.UTF_8);
        });
    }

    @Test
    void printsTheResolvedFileInLongForm() {
        String out = ConfigRenderer.render(load("""
                services:
                  web:
                    image: "web:${TAG:-1}"
                    command: serve --port 80
                    environment: [NUM=42]
                    ports: ["8080:80"]
                    volumes: ["./html:/srv:ro"]
                    healthcheck: {test: curl -f localhost, interval: 90s}
                    deploy: {replicas: 2, resources: {limits: {memory: 1536M}}}
                    secrets: [s]
                secrets:
                  s: {file: ./s.txt}
                """, Map.of()).project());
        assertEquals("""
                name: shop
                services:
                  web:
                    image: web:1
                    command:
                      - serve
                      - --port
                      - "80"
                    environment:
                      NUM: "42"
                    ports:
                      - target: 80
                        published: 8080
                        protocol: tcp
                        mode: ingress
                    volumes:
                      - type: bind
                        source: /p/html
                        target: /srv
                        read_only: true
                    healthcheck:
                      test:
                        - CMD-SHELL
                        - curl -f localhost
                      interval: 1m30s
                    secrets:
                      - source: s
                    deploy:
                      replicas: 2
                      resources:
                        limits:
                          memory: 1536m
                secrets:
                  s:
                    file: /p/s.txt
                """, out);
        assertTrue(!out.contains("secret!"), "secret contents are never printed");
    }

    @Test
    void sizesAreNeverRounded() {
        assertEquals("1000000", ConfigRenderer.size(1_000_000));
        assertEquals("64m", ConfigRenderer.size(64L << 20));
        assertEquals("1536m", ConfigRenderer.size(1536L << 20));
        assertEquals("0", ConfigRenderer.size(0));
    }

    @Test
    void trickyStringsSurviveTheRoundTrip() {
        String yaml = """
                services:
                  web:
                    image: busybox
                    environment:
                      A: "yes"
                      B: "null"
                      C: "on"
                      D: "0x1F"
                      E: "1e3"
                      F: "~"
                      G: ""
                      H: "- x"
                      I: "a: b"
                      J: "0440"
                      K: "12:30"
                      L: "#not a comment"
                      M: "multi\\nline"
                      N: "$$HOME"
                    labels: {"com.example.v": "1.10"}
                """;
        LoadResult first = load(yaml, Map.of());
        String rendered = ConfigRenderer.render(first.project());
        LoadResult again = load(rendered, Map.of());
        assertTrue(rendered.contains(": $$HOME"), rendered);
        assertEquals(first.services(), again.services(), rendered);
    }
}
