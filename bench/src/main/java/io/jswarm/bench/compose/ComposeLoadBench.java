package io.jswarm.bench.compose;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.jswarm.compose.ComposeLoader;
import io.jswarm.compose.LoadOptions;
import io.jswarm.compose.LoadResult;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parse + interpolate + merge + validate + convert a generated 200-service compose file, and
 * print a table: the first (cold) load in a fresh JVM, then per-load times after warm-up. The
 * baseline, measured in the same run on the same file, is a bare YAML parse with Jackson's
 * YAMLMapper (no positions, no merge keys, no validation), i.e. the floor any loader pays.
 *
 * <p>A main, not a test, so it never adds to {@code mvn verify}. Run:
 * {@code java -cp <bench classpath> io.jswarm.bench.compose.ComposeLoadBench [services] [iterations]}.
 */
public final class ComposeLoadBench {
    private ComposeLoadBench() {}

    public static void main(String[] args) throws IOException {
        int services = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        PrintStream out = System.out;
        Path dir = Files.createTempDirectory("jswarm-compose-bench");
        Path file = dir.resolve("compose.yml");
        try {
            String yaml = GeneratedStack.yaml(services);
            Files.writeString(file, yaml, StandardCharsets.UTF_8);
            LoadOptions options = new LoadOptions(Map.of("TAG", "2.0"), List.of(), Set.of(), null);

            long t0 = System.nanoTime();
            LoadResult first = ComposeLoader.load(List.of(file), options);
            long coldLoad = System.nanoTime() - t0;
            // Includes JVM start and class loading: what a `stack config` user waits for, minus the CLI.
            long sinceJvmStart = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
            t0 = System.nanoTime();
            new YAMLMapper().readTree(yaml);
            long coldBaseline = System.nanoTime() - t0;

            for (int i = 0; i < iterations; i++) {
                ComposeLoader.load(List.of(file), options);
                new YAMLMapper().readTree(yaml);
            }
            long[] load = new long[iterations];
            long[] baseline = new long[iterations];
            YAMLMapper mapper = new YAMLMapper();
            for (int i = 0; i < iterations; i++) {
                long s = System.nanoTime();
                LoadResult r = ComposeLoader.load(List.of(file), options);
                load[i] = System.nanoTime() - s;
                if (r.services().size() != first.services().size()) {
                    throw new IllegalStateException("loads differ");
                }
                s = System.nanoTime();
                mapper.readTree(yaml);
                baseline[i] = System.nanoTime() - s;
            }
            long[][] stages = StageTimes.measure(yaml, dir, options.env(), iterations);
            out.printf("compose load: %d services, %d lines, %d KiB, %d warnings; %d warm iterations%n", first.services().size(),
                    yaml.lines().count(), yaml.length() / 1024, first.warnings().size(), iterations);
            out.printf("JVM start to first load done: %d ms%n", sinceJvmStart);
            out.printf("%-44s %10s %10s %10s %10s%n", "", "cold", "median", "p90", "min");
            row(out, "jswarm load (read..convert, from disk)", coldLoad, load);
            row(out, "baseline: Jackson YAMLMapper.readTree only", coldBaseline, baseline);
            for (int k = 0; k < StageTimes.NAMES.size(); k++) {
                row(out, "  stage: " + StageTimes.NAMES.get(k), -1, stages[k]);
            }
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }

    private static void row(PrintStream out, String name, long cold, long[] samples) {
        long[] s = samples.clone();
        Arrays.sort(s);
        out.printf("%-44s %10s %8.2fms %8.2fms %8.2fms%n", name, cold < 0 ? "" : String.format("%.1fms", cold / 1e6), s[s.length / 2] / 1e6,
                s[(int) (s.length * 0.9)] / 1e6, s[0] / 1e6);
    }
}
