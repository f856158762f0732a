package io.jswarm.bench.runtime;

import io.jswarm.api.Meta;
import io.jswarm.api.task.ContainerSpec;
import io.jswarm.api.task.Resources;
import io.jswarm.api.task.Task;
import io.jswarm.api.task.TaskSpec;
import io.jswarm.api.task.TaskState;
import io.jswarm.api.task.TaskStatus;
import io.jswarm.testkit.BusyboxRootfs;
import io.jswarm.worker.network.BridgeConfig;
import io.jswarm.worker.network.BridgeNetwork;
import io.jswarm.worker.network.Ipv4Cidr;
import io.jswarm.worker.runtime.Command;
import io.jswarm.worker.runtime.ContainerRequest;
import io.jswarm.worker.runtime.ContainerRuntime;
import io.jswarm.worker.runtime.ImageDefaults;
import io.jswarm.worker.runtime.OverlayRootfs;
import io.jswarm.worker.runtime.PreparedImage;
import io.jswarm.worker.runtime.Runc;
import io.jswarm.worker.runtime.RuntimeConfig;
import io.jswarm.worker.task.ContainerController;
import io.jswarm.worker.task.Controller;
import io.jswarm.worker.task.TaskStep;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Container start latency, as root: from "assignment received" (a task in ASSIGNED handed to the
 * step function) to "process running" (the runtime wrote the init's pid), for a busybox image,
 * against bare {@code runc run --detach} of an equivalent bundle and the fork/exec floor, all in
 * the same run. Both get a fresh overlay writable layer per run (the bare one mounted outside its
 * timing, so the jswarm figure carries the mount as its own overhead). Prints a table of medians.
 * Not part of mvn verify.
 *
 * <pre>java -cp … io.jswarm.bench.runtime.ContainerStartBench [runs, default 30]</pre>
 */
public final class ContainerStartBench {
    private ContainerStartBench() {}

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        String node = "b" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(0, 6);
        Path work = Files.createTempDirectory("jswarm-bench-" + node);
        Path layer = BusyboxRootfs.build(work.resolve("layer"));
        PreparedImage image = new PreparedImage(List.of(layer), ImageDefaults.NONE);
        ContainerRuntime runtime = ContainerRuntime.onThisHost(RuntimeConfig.of(work.resolve("data"), node, Clock.systemUTC()));
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        BridgeNetwork network = null;
        ContainerSpec spec = ContainerSpec.of("busybox", "sleep", "600");
        Resources limits = new Resources(null, 64L << 20, 100L);
        try {
            List<Long> floor = new ArrayList<>();
            List<Long> jswarm = new ArrayList<>();
            List<Long> bare = new ArrayList<>();
            List<Long> prepare = new ArrayList<>();
            List<Long> start = new ArrayList<>();
            List<Long> networked = new ArrayList<>();

            // The networked variant's "host" is a namespace of its own, so the real host's
            // interfaces and firewall are never touched.
            String lab = node + "-lab";
            Command.run(List.of("ip", "netns", "add", lab), Duration.ofSeconds(10)).orThrow();
            network = new BridgeNetwork(new BridgeConfig("jb" + node, Ipv4Cidr.parse("10.214.7.0/24"), "jswarm-" + node,
                    "j" + node.substring(1, 5), node + "-", lab));
            network.setUp();

            // The bare bundle: the config jswarm generates for the same spec, on its own overlay.
            String template = node + "-template";
            runtime.create(new ContainerRequest(template, spec, limits, image, null));
            Path bareBundle = work.resolve("bare");
            String config = Files.readString(runtime.dirs(template).config());
            Runc runc = new Runc(Runc.locate(), work.resolve("bare-runc"));

            for (int i = -3; i < runs; i++) { // three warm-up rounds, not counted
                long t0 = System.nanoTime();
                new ProcessBuilder("/bin/true").start().waitFor();
                record(floor, i, System.nanoTime() - t0);

                String id = node + "-j" + (i + 3);
                Task task = assigned(id, spec, limits);
                Controller c = new ContainerController(task, runtime, null, ref -> image, List.of(), scheduler, Clock.systemUTC());
                t0 = System.nanoTime();
                while (task.status().state() != TaskState.RUNNING) {
                    TaskStep.Action action = TaskStep.plan(task);
                    long s0 = System.nanoTime();
                    task = TaskStep.step(task, c, Clock.systemUTC());
                    if (action == TaskStep.Action.PREPARE) {
                        record(prepare, i, System.nanoTime() - s0);
                    } else if (action == TaskStep.Action.START) {
                        record(start, i, System.nanoTime() - s0);
                    }
                    if (task.status().state().isTerminal()) {
                        throw new IllegalStateException("benchmark container failed: " + task.status());
                    }
                }
                record(jswarm, i, System.nanoTime() - t0);
                c.terminate();
                c.remove();

                String netId = node + "-n" + (i + 3);
                Task netTask = assigned(netId, spec, limits);
                Controller nc = new ContainerController(netTask, runtime, network, ref -> image, List.of(), scheduler, Clock.systemUTC());
                t0 = System.nanoTime();
                while (netTask.status().state() != TaskState.RUNNING) {
                    netTask = TaskStep.step(netTask, nc, Clock.systemUTC());
                    if (netTask.status().state().isTerminal()) {
                        throw new IllegalStateException("benchmark container failed: " + netTask.status());
                    }
                }
                record(networked, i, System.nanoTime() - t0);
                nc.terminate();
                nc.remove();

                String bareId = node + "-r" + (i + 3);
                // A fresh writable layer per run, as every jswarm container gets (mounted outside the timing).
                OverlayRootfs.mount(List.of(layer), work.resolve("bare-upper-" + bareId), work.resolve("bare-work-" + bareId),
                        bareBundle.resolve("rootfs"));
                Files.writeString(bareBundle.resolve("config.json"),
                        config.replace("/" + node + "/" + template, "/" + node + "/" + bareId)
                                .replace("jswarm-" + node + "/" + template, "jswarm-" + node + "/" + bareId));
                List<String> argv = new ArrayList<>(List.of(Runc.locate().toString(), "--root", work.resolve("bare-runc").toString(),
                        "run", "--detach", "--bundle", bareBundle.toString(), bareId));
                t0 = System.nanoTime();
                Process p = new ProcessBuilder(argv).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
                int rc = p.waitFor();
                record(bare, i, System.nanoTime() - t0);
                if (rc != 0) {
                    throw new IllegalStateException("bare runc run failed with exit " + rc);
                }
                runc.delete(bareId, true);
                runtime.cgroups().remove("/jswarm-" + node + "/" + bareId);
                OverlayRootfs.unmount(bareBundle.resolve("rootfs"));
            }
            String podman = Command.run(List.of("sh", "-c", "command -v podman"), Duration.ofSeconds(5)).stdout().strip();

            System.out.printf(Locale.ROOT, "container start, busybox, %d runs each (median / p90 / min, ms)%n", runs);
            System.out.printf(Locale.ROOT, "%-44s %8s %8s %8s %8s%n", "", "median", "p90", "min", "× runc");
            double runcMedian = median(bare);
            row("fork/exec floor (/bin/true)", floor, runcMedian);
            row("bare runc run --detach (same config.json)", bare, runcMedian);
            row("jswarm: ASSIGNED → RUNNING (step function)", jswarm, runcMedian);
            row("  of which prepare (overlay, files, bundle)", prepare, runcMedian);
            row("  of which start (setsid shim → runc → pid)", start, runcMedian);
            row("jswarm with a bridge network (netns + veth)", networked, runcMedian);
            System.out.println(podman.isEmpty() ? "podman: not installed on this machine, not measured" : "podman: " + podman + " present but not measured");
        } finally {
            scheduler.shutdownNow();
            for (String id : runtime.containerIds()) {
                runtime.remove(id);
            }
            OverlayRootfs.unmount(work.resolve("bare/rootfs"));
            runtime.cgroups().remove("/jswarm-" + node);
            if (network != null) {
                network.tearDown();
            }
            Command.run(List.of("ip", "netns", "del", node + "-lab"), Duration.ofSeconds(10));
            Command.run(List.of("rm", "-rf", work.toString()), Duration.ofSeconds(30));
        }
    }

    private static Task assigned(String id, ContainerSpec spec, Resources limits) {
        Instant now = Instant.now();
        TaskSpec ts = new TaskSpec(spec, new io.jswarm.api.task.ResourceRequirements(limits, null), null, null, null, 0);
        return new Task(id, Meta.created(1, now), "bench", 1, "bench-node", ts, 1, TaskState.RUNNING,
                TaskStatus.of(TaskState.ASSIGNED, now, "assigned"));
    }

    private static void record(List<Long> samples, int round, long nanos) {
        if (round >= 0) {
            samples.add(nanos);
        }
    }

    private static double median(List<Long> samples) {
        return percentile(samples, 50);
    }

    private static double percentile(List<Long> samples, int p) {
        List<Long> s = new ArrayList<>(samples);
        Collections.sort(s);
        int idx = (int) Math.ceil(p / 100.0 * s.size()) - 1;
        return s.get(Math.max(0, idx)) / 1e6;
    }

    private static void row(String name, List<Long> samples, double runcMedian) {
        double med = median(samples);
        System.out.printf(Locale.ROOT, "%-44s %8.2f %8.2f %8.2f %8.2f%n", name, med, percentile(samples, 90),
                Collections.min(samples) / 1e6, med / runcMedian);
    }
}
