package io.jswarm.worker.task;

import io.jswarm.api.task.ContainerSpec;
import io.jswarm.api.task.Resources;
import io.jswarm.api.task.Task;
import io.jswarm.api.task.TaskState;
import io.jswarm.worker.runtime.ContainerRuntime;
import io.jswarm.worker.runtime.ImageDefaults;
import io.jswarm.worker.runtime.PreparedImage;
import io.jswarm.worker.runtime.RuntimeConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

/**
 * A stand-in worker agent for the re-adoption test, run as its own JVM so that the test can
 * kill -9 it: it drives the given tasks to RUNNING, prints "RUNNING", then waits to be killed.
 * Args: dataDir node layerDir taskId…
 */
public final class CrashingWorkerMain {
    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        ContainerRuntime runtime = ContainerRuntime.onThisHost(RuntimeConfig.of(dataDir, args[1], Clock.systemUTC()));
        PreparedImage image = new PreparedImage(List.of(Path.of(args[2])), ImageDefaults.NONE);
        var scheduler = Executors.newSingleThreadScheduledExecutor();
        for (int i = 3; i < args.length; i++) {
            Task t = ReadoptionTest.task(args[i]);
            Controller c = new ContainerController(t, runtime, null, ref -> image, List.of(), scheduler, Clock.systemUTC());
            while (t.status().state() != TaskState.RUNNING) {
                t = TaskStep.step(t, c, Clock.systemUTC());
                if (t.status().state().isTerminal()) {
                    throw new IllegalStateException(t.id() + " ended: " + t.status());
                }
            }
        }
        System.out.println("RUNNING");
        System.out.flush();
        new CountDownLatch(1).await();
    }

    static ContainerSpec spec() {
        return ContainerSpec.of("busybox", "sleep", "600");
    }

    static Resources limits() {
        return new Resources(null, 64L << 20, 50L);
    }
}
