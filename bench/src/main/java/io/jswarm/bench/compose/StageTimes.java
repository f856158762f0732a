package io.jswarm.bench.compose;

import io.jswarm.compose.Diagnostics;
import io.jswarm.compose.convert.SpecConverter;
import io.jswarm.compose.env.Interpolator;
import io.jswarm.compose.merge.OverrideMerger;
import io.jswarm.compose.merge.ProfileFilter;
import io.jswarm.compose.model.ComposeProject;
import io.jswarm.compose.validate.ProjectReader;
import io.jswarm.compose.validate.ReadContext;
import io.jswarm.compose.yaml.YNode;
import io.jswarm.compose.yaml.YamlReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The loader's stages run one by one on the same text (warm JVM), each timed on its own. */
final class StageTimes {
    private StageTimes() {}

    static final List<String> NAMES = List.of("read YAML", "interpolate", "merge + profiles", "validate", "convert + spec check");

    static long[][] measure(String yaml, Path dir, Map<String, String> env, int iterations) {
        long[][] t = new long[NAMES.size()][iterations];
        for (int i = 0; i < iterations; i++) {
            Diagnostics d = new Diagnostics();
            long a = System.nanoTime();
            YNode tree = YamlReader.read("compose.yml", yaml, d).orElseThrow();
            long b = System.nanoTime();
            tree = Interpolator.interpolate(tree, env, d);
            long c = System.nanoTime();
            tree = ProfileFilter.apply(OverrideMerger.mergeAll(List.of(tree)), Set.of(), d);
            long e = System.nanoTime();
            ComposeProject p = ProjectReader.read(tree, null, new ReadContext(dir, env, ReadContext.DISK), d);
            long f = System.nanoTime();
            SpecConverter.convert(p, tree, d);
            long g = System.nanoTime();
            if (d.hasErrors()) {
                throw new IllegalStateException(d.errors().toString());
            }
            t[0][i] = b - a;
            t[1][i] = c - b;
            t[2][i] = e - c;
            t[3][i] = f - e;
            t[4][i] = g - f;
        }
        return t;
    }
}
