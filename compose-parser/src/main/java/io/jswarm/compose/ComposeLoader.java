package io.jswarm.compose;

import io.jswarm.compose.convert.Conversion;
import io.jswarm.compose.convert.SpecConverter;
import io.jswarm.compose.env.DotEnvException;
import io.jswarm.compose.env.DotEnvParser;
import io.jswarm.compose.env.Interpolator;
import io.jswarm.compose.merge.OverrideMerger;
import io.jswarm.compose.merge.ProfileFilter;
import io.jswarm.compose.model.ComposeProject;
import io.jswarm.compose.validate.ProjectReader;
import io.jswarm.compose.validate.ReadContext;
import io.jswarm.compose.yaml.Position;
import io.jswarm.compose.yaml.YNode;
import io.jswarm.compose.yaml.YamlReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The public entry point: compose files to a {@link LoadResult}, or a {@link ComposeException}
 * with every problem found. The stages, each its own class and each pure except for file reads
 * done here through {@link ReadContext.Files}:
 * read YAML ({@link YamlReader}) → interpolate each file ({@link Interpolator}) → merge
 * ({@link OverrideMerger}) → profiles ({@link ProfileFilter}) → validate and read
 * ({@link ProjectReader}) → convert ({@link SpecConverter}). Nothing is converted while any
 * earlier stage has an error, so a deploy never sees half a stack; but a failed interpolation
 * does not stop validation, so the user sees every problem of the files in one run.
 */
public final class ComposeLoader {
    private ComposeLoader() {}

    /** Loads from disk; relative paths in the files resolve against the first file's directory. */
    public static LoadResult load(List<Path> files, LoadOptions options) {
        return load(files, options, ReadContext.DISK);
    }

    /** As {@link #load(List, LoadOptions)} with file reads supplied by the caller (tests, stdin). */
    public static LoadResult load(List<Path> files, LoadOptions options, ReadContext.Files reader) {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no compose file given");
        }
        Diagnostics diag = new Diagnostics();
        Path projectDir = files.get(0).toAbsolutePath().normalize().getParent();
        Map<String, String> env = environment(projectDir, options, reader, diag);
        List<YNode> trees = new ArrayList<>();
        for (Path file : files) {
            String name = file.toString();
            String text;
            try {
                text = new String(reader.read(file), StandardCharsets.UTF_8);
            } catch (IOException e) {
                diag.error(new Position(name, 0, 0), "", "cannot read the compose file: " + describe(e));
                continue;
            }
            YamlReader.read(name, text, diag).ifPresent(tree -> trees.add(Interpolator.interpolate(tree, env, diag)));
        }
        if (trees.size() < files.size()) {
            // A file that cannot be read or parsed leaves nothing sensible to merge and check.
            diag.throwIfErrors();
        }
        YNode merged = ProfileFilter.apply(OverrideMerger.mergeAll(trees), options.profiles(), diag);
        ComposeProject project = ProjectReader.read(merged, options.projectName(), new ReadContext(projectDir, env, reader), diag);
        diag.throwIfErrors();
        Conversion c = SpecConverter.convert(project, merged, diag);
        diag.throwIfErrors();
        return new LoadResult(c.stack(), c.services(), c.order(), c.deployments(), c.networks(), c.volumes(),
                c.secrets(), c.configs(), diag.warnings(), project);
    }

    /**
     * The interpolation environment: env files (later ones win) overlaid by the process
     * environment, which always wins, as in Compose. Values in an env file may use variables of
     * the process environment and of the lines above them.
     */
    static Map<String, String> environment(Path projectDir, LoadOptions options, ReadContext.Files reader, Diagnostics diag) {
        Map<String, String> fromFiles = new TreeMap<>();
        boolean explicit = !options.envFiles().isEmpty();
        List<Path> envFiles = explicit ? options.envFiles() : List.of(projectDir.resolve(".env"));
        for (Path f : envFiles) {
            String text;
            try {
                text = new String(reader.read(f), StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                if (explicit) {
                    diag.error(new Position(f.toString(), 0, 0), "", "env file not found");
                }
                continue;
            } catch (IOException e) {
                diag.error(new Position(f.toString(), 0, 0), "", "cannot read the env file: " + describe(e));
                continue;
            }
            try {
                fromFiles.putAll(DotEnvParser.parse(text, name -> options.env().containsKey(name)
                        ? options.env().get(name) : fromFiles.get(name)));
            } catch (DotEnvException e) {
                diag.error(new Position(f.toString(), e.line(), 1), "", e.getMessage().replaceFirst("^line \\d+: ", ""));
            }
        }
        Map<String, String> env = new TreeMap<>(fromFiles);
        env.putAll(options.env());
        return env;
    }

    private static String describe(IOException e) {
        return e instanceof NoSuchFileException ? "no such file" : e.getMessage();
    }
}
