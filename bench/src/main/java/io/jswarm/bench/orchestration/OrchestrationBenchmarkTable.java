package io.jswarm.bench.orchestration;

import io.jswarm.bench.scheduler.PeerWorkload;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Prints the orchestration benchmarks of BENCHMARKS.md next to swarmkit's figures: placement +
 * commit of the 30,000-task peer workload through the real store (placement alone measured in
 * the same run as the baseline), and service create with 100 / 1,000 / 5,000 replicas to all
 * RUNNING. Medians of {@code runs} runs with min and max. Usage: {@code bench/run-orchestration [runs]}.
 */
public final class OrchestrationBenchmarkTable {
    private OrchestrationBenchmarkTable() {}

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        System.out.println("placement + commit through the store (1 manager, Ratis), 1,000 nodes x 30,000 tasks");
        System.out.printf("%-8s %22s %26s %10s %8s %14s%n", "variant", "placement only (ms)", "placement + commit (ms)",
                "assigned", "entries", "swarmkit (ms)");
        for (PeerWorkload.Variant v : PeerWorkload.Variant.values()) {
            PlacementCommitBench.run(v); // warm-up
            List<PlacementCommitBench.Result> rs = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                rs.add(PlacementCommitBench.run(v));
            }
            System.out.printf("%-8s %22s %26s %10d %8d %14s%n", v.name().toLowerCase(), stats(rs, PlacementCommitBench.Result::placeMillis),
                    stats(rs, PlacementCommitBench.Result::placeAndCommitMillis), rs.get(0).assigned(), rs.get(0).entries(),
                    v == PeerWorkload.Variant.NONE ? "2400" : "2900");
        }
        System.out.println();
        System.out.println("service create -> all RUNNING, 1 manager (Ratis) + " + ServiceCreateBench.WORKERS
                + " in-process workers with a null executor");
        System.out.printf("%-9s %20s %20s %20s %24s%n", "replicas", "all created (ms)", "all assigned (ms)", "all running (ms)",
                "swarmkit, 3 managers (ms)");
        ServiceCreateBench.run(100); // warm-up
        for (int n : new int[] {100, 1_000, 5_000}) {
            List<ServiceCreateBench.Result> rs = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                rs.add(ServiceCreateBench.run(n));
            }
            System.out.printf("%-9d %20s %20s %20s %24s%n", n, stats(rs, ServiceCreateBench.Result::createdMillis),
                    stats(rs, ServiceCreateBench.Result::assignedMillis), stats(rs, ServiceCreateBench.Result::runningMillis),
                    n == 100 ? "360" : n == 1_000 ? "1850" : "8400");
        }
    }

    /** "median [min-max]". */
    static <T> String stats(List<T> rs, ToDoubleFunction<T> f) {
        List<Double> v = rs.stream().map(f::applyAsDouble).sorted(Comparator.naturalOrder()).toList();
        return String.format("%.0f [%.0f-%.0f]", v.get(v.size() / 2), v.get(0), v.get(v.size() - 1));
    }
}
