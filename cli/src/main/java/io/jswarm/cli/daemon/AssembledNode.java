package io.jswarm.cli.daemon;

import io.jswarm.api.node.NodeResources;
import io.jswarm.api.node.NodeRole;
import io.jswarm.manager.node.NodeExtension;
import io.jswarm.manager.node.NodeSession;
import io.jswarm.webui.DashboardOptions;
import io.jswarm.worker.agent.StoreImageSource;
import io.jswarm.worker.image.ClusterFetcher;
import io.jswarm.worker.image.ImageProvider;
import io.jswarm.worker.image.ImageStore;
import io.jswarm.worker.image.Puller;
import io.jswarm.worker.image.PullPolicy;
import io.jswarm.worker.image.RegistryConfig;
import io.jswarm.worker.resources.HostResources;
import io.vertx.ext.web.Router;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything a {@code jswarm daemon} adds to the manager's node daemon: the image store and its
 * local routes, the worker role and, on managers, the dashboard. Composed here (module cli)
 * because {@code manager} depends on neither {@code worker} nor {@code web-ui}.
 */
public final class AssembledNode implements NodeExtension {
    private static final Logger LOG = LoggerFactory.getLogger(AssembledNode.class);

    private final WorkerOptions workerOptions;
    private final ImageStore images;
    private final ImageRoutes imageRoutes;
    private final WorkerRole worker;
    private final DashboardRole dashboard;
    private final ExecutorService imagePool = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "jswarm-images");
        t.setDaemon(true);
        return t;
    });

    public AssembledNode(Path dataDir, WorkerOptions workerOptions, DashboardOptions dashboardOptions, Clock clock) throws IOException {
        this.workerOptions = workerOptions;
        this.images = ImageStore.open(dataDir.resolve("images"), clock);
        RegistryConfig registries = RegistryConfig.defaults().withInsecure(workerOptions.insecureRegistries().toArray(String[]::new));
        Puller puller = new Puller(images, registries, HttpClient.newHttpClient());
        this.imageRoutes = new ImageRoutes(images, puller, imagePool);
        ImageProvider provider = new ImageProvider(images, puller, new ClusterFetcher(images, registries));
        // A task's image is pulled when the node lacks it (Docker's default for services).
        StoreImageSource source = new StoreImageSource(images, provider, PullPolicy.MISSING, clock);
        this.worker = new WorkerRole(workerOptions, source, clock);
        this.dashboard = new DashboardRole(dashboardOptions, clock);
    }

    @Override
    public void mountLocal(Router local) {
        imageRoutes.mount(local);
        dashboard.mountLocal(local);
    }

    @Override
    public void activated(NodeSession session) {
        if (workerOptions.enabled()) {
            try {
                worker.activate(session);
            } catch (RuntimeException e) {
                LOG.error("the worker role could not start; this node runs no tasks: {}", e.getMessage(), e);
            }
        }
        if (session.role() == NodeRole.MANAGER) {
            dashboard.activate(session);
        }
    }

    @Override
    public void left() {
        worker.left();
        dashboard.close();
    }

    @Override
    public NodeResources resources() {
        return workerOptions.enabled() ? HostResources.ofThisHost() : null;
    }

    @Override
    public void close() {
        worker.close();
        dashboard.close();
        imagePool.shutdownNow();
    }
}
