package io.jswarm.bench.scheduler;

import io.jswarm.scheduler.placement.PlacementRequest;
import io.jswarm.scheduler.placement.PlacementResult;
import io.jswarm.scheduler.placement.Placer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Placement only: one full placement of the peer workload (1,000 nodes, 30,000 pending tasks)
 * per invocation, including building the per-node state from the request — the same work
 * swarmkit's figure covers (170 ms none, 165 ms zones). The result of each iteration is checked
 * afterwards, outside the measured time, so a fast but wrong placer cannot report a number.
 * {@link #naiveScan} is the baseline measured in the same run (see {@link NaivePlacer}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PlacementBenchmark {

    @Param({"NONE", "ZONES"})
    public PeerWorkload.Variant variant;

    private PlacementRequest request;
    private PlacementResult last;

    @Setup(Level.Trial)
    public void buildWorkload() {
        request = PeerWorkload.request(variant);
    }

    @Benchmark
    public PlacementResult place() {
        last = new Placer().place(request);
        return last;
    }

    /** The in-run baseline: same filters and order, one full scan of the nodes per task. */
    @Benchmark
    public PlacementResult naiveScan() {
        last = new NaivePlacer().place(request);
        return last;
    }

    @TearDown(Level.Iteration)
    public void checkPlacement() {
        List<String> problems = PeerWorkload.check(variant, last);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("placement of variant " + variant + " is wrong: " + problems);
        }
    }
}
