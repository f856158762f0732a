package io.jswarm.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jswarm.api.service.ServiceSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** profiles: which services exist; depends_on: in which order they start. */
class ProfilesAndOrderTest {
    private static final String FILE = """
            services:
              web:
                image: web
                depends_on: [api]
              api:
                image: api
                depends_on:
                  db: {condition: service_healthy}
                  debug: {condition: service_started, required: false}
              db:
                image: db
              debug:
                image: debug
                profiles: [debug]
              seed:
                image: seed
                profiles: [dev, test]
                depends_on: [db]
            """;

    private static List<String> names(LoadResult r) {
        return r.services().stream().map(ServiceSpec::name).toList();
    }

    @Test
    void servicesWithoutProfilesAreAlwaysOn() {
        assertEquals(List.of("shop_api", "shop_db", "shop_web"), names(Project.of(FILE).load()));
    }

    @Test
    void aProfileSwitchesItsServicesOn() {
        assertEquals(List.of("shop_api", "shop_db", "shop_seed", "shop_web"), names(Project.of(FILE).profiles("test").load()));
        assertEquals(List.of("shop_api", "shop_db", "shop_debug", "shop_seed", "shop_web"),
                names(Project.of(FILE).profiles("debug", "dev").load()));
        assertEquals(5, Project.of(FILE).profiles("*").load().services().size());
    }

    @Test
    void dependingOnAnInactiveServiceIsAnErrorNamingTheProfile() {
        ComposeException e = Project.of("""
                services:
                  web: {image: web, depends_on: [tools]}
                  tools: {image: tools, profiles: [ops]}
                """).fail();
        ComposeProblem p = e.problems().get(0);
        assertEquals("services.web.depends_on.tools", p.path());
        assertTrue(p.message().contains("--profile ops"), p.message());
        assertEquals(2, p.line());
    }

    @Test
    void startOrderPutsDependenciesFirstAndIsStable() {
        LoadResult r = Project.of(FILE).profiles("dev").load();
        assertEquals(List.of("shop_db", "shop_api", "shop_seed", "shop_web"), r.order());
        assertEquals(r.order(), Project.of(FILE).profiles("dev").load().order());
    }

    @Test
    void optionalMissingDependencyIsOnlyAWarning() {
        LoadResult r = Project.of(FILE).load();
        assertTrue(r.warnings().stream().anyMatch(w -> w.path().equals("services.api.depends_on.debug")), r.warnings().toString());
    }

    @Test
    void selfDependencyIsACycle() {
        ComposeException e = Project.of("services:\n  a: {image: a, depends_on: [a]}\n").fail();
        assertEquals("dependency cycle: a -> a", e.problems().get(0).message());
    }

    @Test
    void conditionsThatCannotHoldAreReported() {
        ComposeException e = Project.of("""
                services:
                  web: {image: web, depends_on: {db: {condition: service_healthy}}}
                  db: {image: db, healthcheck: {disable: true}}
                """).fail();
        assertEquals("waits for db to be healthy, but its healthcheck is disabled", e.problems().get(0).message());
        LoadResult r = Project.of("""
                services:
                  web:
                    image: web
                    depends_on:
                      db: {condition: service_healthy}
                      migrate: {condition: service_completed_successfully}
                  db: {image: db}
                  migrate: {image: migrate}
                """).load();
        assertEquals(List.of("services.web.depends_on.db", "services.web.depends_on.migrate"),
                r.warnings().stream().map(ComposeProblem::path).toList());
        assertEquals(6, r.warnings().get(1).line());
    }
}
