package io.jswarm.worker.agent;

import io.jswarm.api.service.PortConfig;
import io.jswarm.api.task.Task;
import io.jswarm.worker.network.BridgeNetwork;
import io.jswarm.worker.runtime.ContainerRuntime;
import io.jswarm.worker.task.ContainerController;
import io.jswarm.worker.task.Controller;
import io.jswarm.worker.task.ImageSource;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;

/** Real controllers: one container per task on this node's runtime. */
public final class ContainerControllers implements ControllerFactory {
    private final ContainerRuntime runtime;
    private final BridgeNetwork network;
    private final ImageSource images;
    private final Function<Task, List<PortConfig>> hostPorts;
    private final ScheduledExecutorService healthScheduler;
    private final Clock clock;

    /**
     * @param network         null for containers without a bridge (an empty netns)
     * @param hostPorts       the host-mode published ports of a task's service (they come with the
     *                        service's endpoint, not the task spec)
     * @param healthScheduler where health probes are scheduled
     */
    public ContainerControllers(ContainerRuntime runtime, BridgeNetwork network, ImageSource images,
            Function<Task, List<PortConfig>> hostPorts, ScheduledExecutorService healthScheduler, Clock clock) {
        this.runtime = runtime;
        this.network = network;
        this.images = images;
        this.hostPorts = hostPorts;
        this.healthScheduler = healthScheduler;
        this.clock = clock;
    }

    @Override
    public Controller create(Task task) {
        return new ContainerController(task, runtime, network, images, hostPorts.apply(task), healthScheduler, clock);
    }
}
