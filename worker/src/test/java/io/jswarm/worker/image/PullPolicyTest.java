package io.jswarm.worker.image;

import static io.jswarm.worker.image.PullPolicy.ImageSourceChoice.CLUSTER;
import static io.jswarm.worker.image.PullPolicy.ImageSourceChoice.LOCAL;
import static io.jswarm.worker.image.PullPolicy.ImageSourceChoice.REGISTRY;
import static io.jswarm.worker.image.PullPolicy.ImageSourceChoice.UNAVAILABLE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jswarm.testkit.FakeClock;
import io.jswarm.testkit.images.LayerTar;
import io.jswarm.testkit.images.TestImage;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PullPolicyTest {
    @Test
    void decisionTable() {
        // (present locally, cluster has it)
        assertEquals(LOCAL, PullPolicy.MISSING.choose(true, true));
        assertEquals(CLUSTER, PullPolicy.MISSING.choose(false, true));
        assertEquals(REGISTRY, PullPolicy.MISSING.choose(false, false));
        assertEquals(REGISTRY, PullPolicy.ALWAYS.choose(true, true));
        assertEquals(LOCAL, PullPolicy.CLUSTER.choose(true, false));
        assertEquals(CLUSTER, PullPolicy.CLUSTER.choose(false, true));
        assertEquals(UNAVAILABLE, PullPolicy.CLUSTER.choose(false, false));
        assertEquals(LOCAL, PullPolicy.NEVER.choose(true, true));
        assertEquals(UNAVAILABLE, PullPolicy.NEVER.choose(false, true));
    }

    @Test
    void providerUsesTheClusterCopyAndRefusesWhatThePolicyForbids(@TempDir Path dir) throws Exception {
        ImageStore manager = ImageStore.open(dir.resolve("m"), new FakeClock());
        ImageStore worker = ImageStore.open(dir.resolve("w"), new FakeClock());
        StoredImage onManager = Images.store(manager, TestImage.builder().layer(new LayerTar().file("x", "1", 0644)).build(), "priv/app:1");
        RegistryConfig config = RegistryConfig.defaults().withRetries(1, Duration.ZERO);
        ImageProvider provider = new ImageProvider(worker, new Puller(worker, config, RegistryClient.newHttpClient()),
                new ClusterFetcher(worker, config));

        ImageNotFoundException e = assertThrows(ImageNotFoundException.class,
                () -> provider.ensure("priv/app:1", PullPolicy.NEVER, null, ProgressListener.NONE));
        assertTrue(e.getMessage().contains("priv/app:1") && e.getMessage().contains("never"), e.getMessage());

        ImageProvider.ClusterCopy copy = new ImageProvider.ClusterCopy(onManager.manifestDigest(), new StoreBlobSource(manager, "manager"));
        StoredImage got = provider.ensure("priv/app:1", PullPolicy.CLUSTER, copy, ProgressListener.NONE);
        assertEquals(onManager.manifestDigest(), got.manifestDigest());
        assertEquals(onManager.manifestDigest(), provider.ensure("priv/app:1", PullPolicy.NEVER, null, ProgressListener.NONE).manifestDigest());
    }
}
