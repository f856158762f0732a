package io.jswarm.bench.scheduler;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
 * iterations) and prints, per variant, the median, min and max of the placer, of the naive
 * baseline measured in the same run, and swarmkit's figure from BENCHMARKS.md.
 * Arguments: {@code [forks] [warmup iterations] [measurement iterations]}.
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
                .jvmArgsAppend("-Xms512m", "-Xmx512m")
                .build();
        Collection<RunResult> results = new Runner(options).run();
        // variant → method → sorted iteration scores
        Map<String, Map<String, List<Double>>> scores = new TreeMap<>();
        for (RunResult r : results) {
            String variant = r.getParams().getParam("variant");
            String method = r.getParams().getBenchmark().substring(r.getParams().getBenchmark().lastIndexOf('.') + 1);
            List<Double> s = new ArrayList<>();
            for (BenchmarkResult b : r.getBenchmarkResults()) {
                for (IterationResult i : b.getIterationResults()) {
                    s.add(i.getPrimaryResult().getScore());
                }
            }
            s.sort(Double::compare);
            scores.computeIfAbsent(variant, v -> new TreeMap<>()).put(method, s);
        }
        System.out.println();
        System.out.println("Placement only, 1,000 nodes x 30,000 tasks (100 services x 300); ms per full placement, median [min - max]");
        System.out.printf("%-7s %-24s %-26s %-9s %-14s %-10s %s%n",
                "variant", "jswarm Placer", "naive scan (same run)", "vs naive", "swarmkit med.", "vs swarmkit", "target");
        for (var e : scores.entrySet()) {
            List<Double> placer = e.getValue().get("place");
            List<Double> naive = e.getValue().get("naiveScan");
            double swarmkit = SWARMKIT_MS.get(e.getKey());
            double speedUp = swarmkit / median(placer);
            System.out.printf("%-7s %-24s %-26s %-9s %-14s %-10s %s%n", e.getKey().toLowerCase(), cell(placer), cell(naive),
                    naive == null ? "-" : String.format("%.0fx", median(naive) / median(placer)),
                    String.format("%.0f", swarmkit), String.format("%.1fx", speedUp),
                    speedUp >= TARGET_RATIO ? "met" : "MISSED");
        }
        System.out.printf("(target: >= %.0fx swarmkit, i.e. <= %.0f ms; %d fork(s) x %d iterations of 1 s after %d warm-up)%n",
                TARGET_RATIO, 170 / TARGET_RATIO, forks, measurements, warmups);
    }

    private static String cell(List<Double> s) {
        return s == null ? "-" : String.format("%.2f [%.2f - %.2f]", median(s), s.get(0), s.get(s.size() - 1));
    }

    private static double median(List<Double> s) {
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }
}
