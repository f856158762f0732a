package io.jswarm.cli.service;

import io.jswarm.api.json.Json;
import io.jswarm.api.task.Task;
import io.jswarm.api.task.TaskState;
import io.jswarm.cli.CliException;
import io.jswarm.cli.ExitCodes;
import io.jswarm.cli.client.DaemonClient;
import io.jswarm.manager.api.ServiceWire;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What {@code service create/scale} without {@code --detach} shows: progress until as many tasks
 * run as the service wants, then, as docker does, a check that they stay up for the service's
 * monitor period. Why a task waits or failed is printed once per task. Ctrl-C detaches; the
 * service keeps converging in the cluster.
 */
final class Convergence {
    static final Duration POLL = Duration.ofMillis(200);

    private final DaemonClient client;
    private final PrintWriter out;
    private final boolean quiet;

    Convergence(DaemonClient client, PrintWriter out, boolean quiet) {
        this.client = client;
        this.out = out;
        this.quiet = quiet;
    }

    void await(String serviceId) {
        String last = null;
        Set<String> explained = new HashSet<>();
        long stableSince = 0;
        while (true) {
            ServiceWire.ServiceView v = client.get("/v1/services/" + serviceId).as(ServiceWire.ServiceView.class);
            String line = "overall progress: " + v.running() + " out of " + v.desired() + " tasks";
            if (!quiet && !line.equals(last)) {
                out.println(line);
                out.flush();
                last = line;
            }
            explain(serviceId, explained);
            if (v.running() >= v.desired()) {
                Duration monitor = v.service().spec().update().monitor();
                if (stableSince == 0) {
                    stableSince = System.nanoTime();
                    if (!quiet && !monitor.isZero()) {
                        out.println("verify: waiting " + monitor.toSeconds() + " seconds to verify that tasks are stable...");
                        out.flush();
                    }
                }
                if (System.nanoTime() - stableSince >= monitor.toNanos()) {
                    if (!quiet) {
                        out.println("verify: Service " + v.service().spec().name() + " converged");
                        out.flush();
                    }
                    return;
                }
            } else {
                stableSince = 0;
            }
            try {
                Thread.sleep(POLL.toMillis()); // the pace of a progress display, not a wait for a condition in a test
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CliException(ExitCodes.FAILED, "interrupted; the service keeps converging in the cluster");
            }
        }
    }

    private void explain(String serviceId, Set<String> explained) {
        List<Task> tasks = List.of(Json.read(client.get("/v1/tasks?service=" + serviceId).body(), Task[].class));
        for (Task t : tasks) {
            TaskState s = t.status().state();
            boolean waiting = s == TaskState.PENDING && t.status().message() != null && t.status().message().startsWith("no suitable");
            boolean failed = s == TaskState.FAILED || s == TaskState.REJECTED;
            if ((waiting || failed) && explained.add(t.id() + s)) {
                String why = failed && t.status().error() != null ? t.status().error() : t.status().message();
                out.println("task " + ServiceFormat.shortId(t.id()) + " (slot " + t.slot() + "): " + s.name().toLowerCase() + ": " + why);
                out.flush();
            }
        }
    }
}
