package io.jswarm.worker.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jswarm.api.task.ContainerSpec;
import io.jswarm.api.task.HealthConfig;
import io.jswarm.testkit.FakeClock;
import io.jswarm.testkit.images.ImageArchives;
import io.jswarm.testkit.images.LayerTar;
import io.jswarm.testkit.images.TestImage;
import io.jswarm.worker.image.ArchiveLoader;
import io.jswarm.worker.image.ClusterFetcher;
import io.jswarm.worker.image.Digest;
import io.jswarm.worker.image.ImagePlatform;
import io.jswarm.worker.image.ImageProvider;
import io.jswarm.worker.image.ImageStore;
import io.jswarm.worker.image.Puller;
import io.jswarm.worker.image.PullPolicy;
import io.jswarm.worker.image.RegistryConfig;
import io.jswarm.worker.runtime.ContainerRuntime;
import io.jswarm.worker.runtime.RuntimeConfig;
import io.jswarm.worker.task.ControllerException;
import io.jswarm.worker.task.EffectiveSpec;
import io.jswarm.worker.task.ResolvedImage;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stored image → PreparedImage + image extras; GC pins. A store on disk, no registry, no root. */
class StoreImageSourceTest {
    static final TestImage IMAGE = TestImage.builder()
            .layer(new LayerTar().dir("bin", 0755).file("bin/hello", "#!/bin/sh\necho hi\n", 0755))
            .layer(new LayerTar().file("etc/motd", "top", 0644))
            .configBody("\"Env\":[\"A=1\"],\"Entrypoint\":[\"/bin/hello\"],\"Cmd\":[\"x\"],\"WorkingDir\":\"/w\",\"User\":\"1:2\","
                    + "\"StopSignal\":\"SIGQUIT\",\"Healthcheck\":{\"Test\":[\"CMD-SHELL\",\"true\"],\"Interval\":2000000000,\"Retries\":5}")
            .build();

    @TempDir
    Path dir;
    final FakeClock clock = new FakeClock();

    StoreImageSource source(ImageStore store) {
        RegistryConfig registries = RegistryConfig.defaults();
        ImageProvider provider = new ImageProvider(store, new Puller(store, registries, HttpClient.newHttpClient()),
                new ClusterFetcher(store, registries));
        return new StoreImageSource(store, provider, PullPolicy.NEVER, clock);
    }

    ImageStore storeWithImage() throws Exception {
        ImageStore store = ImageStore.open(dir.resolve("images"), clock);
        Path archive = dir.resolve("img.tar");
        Files.write(archive, ImageArchives.oci(IMAGE, "example.com/app:1"));
        new ArchiveLoader(store, ImagePlatform.LINUX_AMD64).load(archive);
        return store;
    }

    @Test
    void aStoredImageBecomesLayersLowestFirstWithItsRunDefaults() throws Exception {
        ResolvedImage r = source(storeWithImage()).resolve("example.com/app:1");
        List<Path> layers = r.prepared().layerDirs();
        assertEquals(2, layers.size());
        assertTrue(Files.exists(layers.get(0).resolve("bin/hello")), "lowest layer first");
        assertTrue(Files.exists(layers.get(1).resolve("etc/motd")));
        var d = r.prepared().defaults();
        assertEquals(List.of("/bin/hello"), d.entrypoint());
        assertEquals(List.of("x"), d.cmd());
        assertEquals(List.of("A=1"), d.env());
        assertEquals("/w", d.workdir());
        assertEquals("1:2", d.user());
        assertEquals("SIGQUIT", r.stopSignal());
        assertEquals(List.of("CMD-SHELL", "true"), r.healthcheck().test());
        assertEquals(Duration.ofSeconds(2), r.healthcheck().interval());
        assertEquals(IMAGE.manifestDigest(), r.manifestDigest());
    }

    @Test
    void aMissingImageIsReportedAsNotFound() throws Exception {
        ControllerException e = assertThrows(ControllerException.class, () -> source(storeWithImage()).resolve("nosuch:2"));
        assertEquals("image not found: nosuch:2 is not on this node and the pull policy never forbids pulling it from a registry",
                e.getMessage());
        ControllerException bad = assertThrows(ControllerException.class, () -> source(storeWithImage()).resolve("UPPER CASE"));
        assertTrue(bad.getMessage().startsWith("image UPPER CASE: "), bad.getMessage());
    }

    @Test
    void theSpecWinsAndTheImageFillsInAsDockerDoes() {
        HealthConfig image = new HealthConfig(List.of("CMD", "probe"), Duration.ofSeconds(2), Duration.ofSeconds(3), 5, null);
        ResolvedImage r = new ResolvedImage(null, image, "SIGQUIT", "sha256:" + "a".repeat(64));
        ContainerSpec plain = ContainerSpec.of("app");
        ContainerSpec eff = EffectiveSpec.of(plain, r);
        assertEquals(image, eff.healthcheck(), "no check in the spec: the image's");
        assertEquals("SIGQUIT", eff.stopSignal());
        assertEquals("sha256:" + "a".repeat(64), eff.labels().get(EffectiveSpec.IMAGE_DIGEST_LABEL));

        HealthConfig timingsOnly = new HealthConfig(List.of(), Duration.ofSeconds(9), null, null, null);
        HealthConfig merged = EffectiveSpec.of(withHealth(plain, timingsOnly), r).healthcheck();
        assertEquals(new HealthConfig(List.of("CMD", "probe"), Duration.ofSeconds(9), Duration.ofSeconds(3), 5, null), merged);

        HealthConfig none = new HealthConfig(List.of("NONE"), null, null, null, null);
        assertEquals(none, EffectiveSpec.of(withHealth(plain, none), r).healthcheck(), "--no-healthcheck stays off");
        assertNull(EffectiveSpec.of(plain, ResolvedImage.of(null)).healthcheck());
    }

    static ContainerSpec withHealth(ContainerSpec s, HealthConfig h) {
        return new ContainerSpec(s.image(), s.command(), s.args(), s.env(), s.user(), s.workdir(), s.hostname(), s.labels(),
                s.mounts(), h, s.stopSignal(), s.stopGracePeriod(), s.readOnly(), s.init(), s.capabilityAdd(), s.capabilityDrop(),
                s.sysctls(), s.ulimits(), s.hosts(), s.dnsServers());
    }

    @Test
    void gcKeepsAnImageHandedOutUntilTheWindowPassesThenOnlyWhatContainersUse() throws Exception {
        ImageStore store = storeWithImage();
        StoreImageSource images = source(store);
        images.resolve("example.com/app:1");
        store.remove("example.com/app:1"); // untagged while a container is being created from it
        // a runtime over an empty data dir: no container records (only the hand-out pins)
        ContainerRuntime runtime = new ContainerRuntime(RuntimeConfig.of(dir.resolve("data"), "n1", clock), null, null, null);
        Digest manifest = Digest.parse(IMAGE.manifestDigest());
        assertEquals(java.util.Set.of(manifest), images.pinned(runtime));
        assertEquals(0, images.collectGarbage(runtime).layersRemoved());
        clock.advance(StoreImageSource.HANDOUT_PIN.plusSeconds(1));
        assertFalse(images.pinned(runtime).contains(manifest));
        assertEquals(2, images.collectGarbage(runtime).layersRemoved());
    }
}
