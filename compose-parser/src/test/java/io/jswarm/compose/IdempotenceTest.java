package io.jswarm.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.jswarm.api.service.ServiceSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Converting an unchanged file gives equal specs, so a redeploy changes nothing. */
class IdempotenceTest {
    static final String STACK = """
            services:
              web:
                image: web:1
                environment: {Z: "1", A: "2", M: "3"}
                ports: ["9090:90", "8080:80", "7000-7002:7000-7002/udp"]
                volumes: ["/srv/b:/b", "data:/a", "/srv/c:/c:ro"]
                networks: [back, front]
                cap_add: [SYS_TIME, CHOWN]
                extra_hosts: ["b:10.0.0.2", "a:10.0.0.1"]
                deploy:
                  placement: {constraints: [node.role==worker, node.labels.a==b]}
                depends_on: [api]
              api:
                image: api:1
                networks: [back]
              db:
                image: db:1
            networks: {front: {}, back: {}}
            volumes: {data: {}}
            """;

    @Test
    void loadingTwiceGivesEqualResults() {
        LoadResult first = Project.of(STACK).load();
        LoadResult second = Project.of(STACK).load();
        assertEquals(first.services(), second.services());
        assertEquals(first, second);
    }

    @Test
    void theOrderInTheFileDoesNotMatter() {
        String reordered = """
                services:
                  db:
                    image: db:1
                  api:
                    networks: [back]
                    image: api:1
                  web:
                    depends_on: [api]
                    deploy:
                      placement: {constraints: [node.labels.a==b, node.role==worker]}
                    extra_hosts: ["a:10.0.0.1", "b:10.0.0.2"]
                    cap_add: [CHOWN, SYS_TIME]
                    networks: [front, back]
                    volumes: ["/srv/c:/c:ro", "data:/a", "/srv/b:/b"]
                    ports: ["7000-7002:7000-7002/udp", "8080:80", "9090:90"]
                    environment: [M=3, A=2, Z=1]
                    image: web:1
                volumes: {data: {}}
                networks: {back: {}, front: {}}
                """;
        LoadResult a = Project.of(STACK).load();
        LoadResult b = Project.of(reordered).load();
        assertEquals(a.services(), b.services());
        assertEquals(a.networks(), b.networks());
        assertEquals(a.order(), b.order());
        assertEquals(a.deployments(), b.deployments());
    }

    @Test
    void changingOneServiceChangesOnlyItsSpec() {
        List<ServiceSpec> before = Project.of(STACK).load().services();
        List<ServiceSpec> after = Project.of(STACK.replace("image: api:1", "image: api:2")).load().services();
        assertEquals(before.size(), after.size());
        for (int i = 0; i < before.size(); i++) {
            if (before.get(i).name().equals("shop_api")) {
                assertNotEquals(before.get(i), after.get(i));
                assertEquals("api:2", after.get(i).task().container().image());
            } else {
                assertEquals(before.get(i), after.get(i), before.get(i).name() + " must not change");
            }
        }
    }

    @Test
    void stackConfigOutputLoadsToTheSameSpecs() {
        LoadResult original = Project.of(STACK).env(Map.of()).load();
        String rendered = io.jswarm.compose.render.ConfigRenderer.render(original.project());
        LoadResult again = Project.of(rendered).load();
        assertEquals(original.services(), again.services(), rendered);
        assertEquals(original.networks(), again.networks());
        assertEquals(original.order(), again.order());
    }
}
