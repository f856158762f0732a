package io.jswarm.bench.scheduler;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link PlacementBenchmark} with settings fit for 2 shared cores (1 fork, short
 * iterations) and prints the median, min and max per variant next to swarmkit's figures from
 * BENCHMARKS.md. Arguments: {@code [forks] [warmup iterations] [measurement iterations]}.
 */
public final class SchedulerBenchmarkTable {
    /** swarmkit medians on a machine of this kind (BENCHMARKS.md), in ms. */
    private static final Map<String, Double> SWARMKIT_MS = Map.of("NONE", 170.0, "ZONES", 165.0);
    private static final double TARGET_RATIO = 5.0;

    private SchedulerBenchmarkTable() {}

    public static void main(String[] args) throws RunnerException {
        int forks = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        int warmups = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int measurements = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        Options options = new OptionsBuilder()
                .include(PlacementBenchmark.class.getName())
                .forks(forks)
                .warmupIterations(warmups)
                .warmupTime(TimeValue.seconds(1))
                .measurementIterations(measurements)
                .measurementTime(TimeValue.seconds(1))
                .jvmArgsAppend("-Xms1g", "-Xmx1g")
                .build();
        Collection<RunResult> results = new Runner(options).run();
        System.out.println();
        System.out.println("Placement only, 1,000 nodes x 30,000 tasks (100 services x 300), ms per full placement");
        System.out.printf("%-8s %10s %10s %10s %14s %10s %8s%n",
                "variant", "median", "min", "max", "swarmkit med.", "speed-up", "target");
        for (RunResult r : results) {
            String variant = r.getParams().getParam("variant");
            List<Double> scores = new ArrayList<>();
            for (BenchmarkResult b : r.getBenchmarkResults()) {
                for (IterationResult i : b.getIterationResults()) {
                    scores.add(i.getPrimaryResult().getScore());
                }
            }
            scores.sort(Double::compare);
            double median = scores.size() % 2 == 1 ? scores.get(scores.size() / 2)
                    : (scores.get(scores.size() / 2 - 1) + scores.get(scores.size() / 2)) / 2;
            double swarmkit = SWARMKIT_MS.get(variant);
            double speedUp = swarmkit / median;
            System.out.printf("%-8s %10.2f %10.2f %10.2f %14.0f %9.1fx %8s%n", variant.toLowerCase(), median,
                    scores.get(0), scores.get(scores.size() - 1), swarmkit, speedUp,
                    speedUp >= TARGET_RATIO ? "met" : "MISSED");
        }
        System.out.printf("(target: >= %.0fx swarmkit, i.e. <= %.0f ms; %d fork(s) x %d iterations of 1 s after %d warm-up)%n",
                TARGET_RATIO, 170 / TARGET_RATIO, forks, measurements, warmups);
    }
}
