package io.jswarm.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jswarm.api.service.PortConfig;
import io.jswarm.api.service.ServiceMode;
import io.jswarm.api.service.ServiceSpec;
import io.jswarm.api.task.Mount;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Several -c files merged by the compose-spec override rules. */
class MergeTest {
    private static final String BASE = """
            services:
              web:
                image: web:1
                command: [serve, --port, "80"]
                environment: [A=base, B=base]
                labels: {tier: front}
                ports: ["8080:80", "9090:90"]
                volumes: ["data:/data", "/etc/a:/etc/a"]
                dns: 1.1.1.1
                cap_add: [CHOWN]
                deploy:
                  replicas: 2
                  placement: {constraints: [node.role==worker]}
                  resources: {limits: {memory: 256M, cpus: "1"}}
              db:
                image: postgres
            volumes:
              data:
            """;

    private static LoadResult merged(String override) {
        return new Project().compose("compose.yml", BASE).compose("prod.yml", override).load();
    }

    private static ServiceSpec web(LoadResult r) {
        return r.services().stream().filter(s -> s.name().equals("shop_web")).findFirst().orElseThrow();
    }

    @Test
    void scalarsAndMappingsMergeKeyByKey() {
        ServiceSpec s = web(merged("services:\n  web:\n    image: web:2\n    deploy:\n      replicas: 5\n      resources: {limits: {memory: 1G}}\n"));
        assertEquals("web:2", s.task().container().image());
        assertEquals(new ServiceMode.Replicated(5), s.mode());
        assertEquals(1L << 30, s.task().resources().limits().memoryBytes());
        assertEquals(1_000_000_000L, s.task().resources().limits().nanoCpus(), "sibling keys of an overridden one stay");
        assertEquals(List.of("node.role==worker"), s.task().placement().constraints());
    }

    @Test
    void commandIsReplacedNotAppended() {
        assertEquals(List.of("worker"), web(merged("services:\n  web:\n    command: worker\n")).task().container().args());
    }

    @Test
    void environmentAndLabelsMergeAsMapsAcrossForms() {
        ServiceSpec s = web(merged("services:\n  web:\n    environment: {B: prod, C: prod}\n    labels: [extra=1]\n"));
        assertEquals(List.of("A=base", "B=prod", "C=prod"), s.task().container().env());
        assertEquals(Map.of("com.docker.stack.namespace", "shop", "tier", "front", "extra", "1"), s.task().container().labels());
    }

    @Test
    void portsMergeByPublishedPortAndVolumesByTarget() {
        ServiceSpec s = web(merged("""
                services:
                  web:
                    ports: ["8080:81", "7070:70"]
                    volumes: ["/srv/data:/data", "/tmp/x:/x"]
                """));
        assertEquals(List.of(7070, 8080, 9090), s.endpoint().ports().stream().map(PortConfig::publishedPort).toList());
        assertEquals(81, s.endpoint().ports().get(1).targetPort(), "the later file's 8080 mapping replaces the earlier");
        List<Mount> mounts = s.task().container().mounts();
        assertEquals(List.of("/data", "/etc/a", "/x"), mounts.stream().map(Mount::target).toList());
        assertEquals("/srv/data", mounts.get(0).source(), "the later file's /data mount replaces the volume");
    }

    @Test
    void stringListsAreUnionsAndAStringCountsAsAList() {
        ServiceSpec s = web(merged("services:\n  web:\n    dns: [8.8.8.8, 1.1.1.1]\n    cap_add: [NET_ADMIN]\n"
                + "    deploy:\n      placement: {constraints: [node.labels.zone==eu]}\n"));
        assertEquals(List.of("1.1.1.1", "8.8.8.8"), s.task().container().dnsServers());
        assertEquals(List.of("CHOWN", "NET_ADMIN"), s.task().container().capabilityAdd());
        assertEquals(List.of("node.labels.zone==eu", "node.role==worker"), s.task().placement().constraints());
    }

    @Test
    void laterFilesAddServicesAndResources() {
        LoadResult r = merged("services:\n  cache:\n    image: redis\n    networks: [back]\nnetworks:\n  back:\n");
        assertEquals(List.of("shop_cache", "shop_db", "shop_web"), r.services().stream().map(ServiceSpec::name).toList());
        assertTrue(r.networks().stream().anyMatch(n -> n.name().equals("shop_back")));
    }

    @Test
    void errorsPointIntoTheFileTheValueCameFrom() {
        ComposeException e = new Project().compose("compose.yml", BASE)
                .compose("prod.yml", "services:\n  web:\n    deploy:\n      replicas: lots\n").fail();
        ComposeProblem p = e.problems().get(0);
        assertEquals("/p/prod.yml", p.file());
        assertEquals(4, p.line());
        assertEquals("services.web.deploy.replicas", p.path());
    }

    @Test
    void eachFileIsInterpolatedBeforeMerging() {
        LoadResult r = new Project().compose("compose.yml", BASE).compose("prod.yml", "services:\n  web:\n    image: web:${TAG}\n")
                .env(Map.of("TAG", "7")).load();
        assertEquals("web:7", web(r).task().container().image());
    }

    @Test
    void resetTagRemovesWhatEarlierFilesSet() {
        ServiceSpec s = web(merged("services:\n  web:\n    ports: !reset []\n    dns: !reset null\n"));
        assertTrue(s.endpoint().ports().isEmpty());
        assertTrue(s.task().container().dnsServers().isEmpty());
        assertEquals(List.of("/data", "/etc/a"), s.task().container().mounts().stream().map(Mount::target).toList(), "untagged keys still merge");
    }

    @Test
    void overrideTagReplacesInsteadOfMerging() {
        ServiceSpec s = web(merged("services:\n  web:\n    ports: !override [\"7070:70\"]\n    environment: !override {ONLY: me}\n"));
        assertEquals(List.of(7070), s.endpoint().ports().stream().map(PortConfig::publishedPort).toList());
        assertEquals(List.of("ONLY=me"), s.task().container().env());
    }

    @Test
    void otherTagsAreRefusedByName() {
        ComposeException e = Project.of("services:\n  web:\n    image: !secret x\n").fail();
        assertTrue(e.getMessage().contains("unsupported YAML tag !secret (jswarm knows !reset and !override)"), e.getMessage());
    }
}
