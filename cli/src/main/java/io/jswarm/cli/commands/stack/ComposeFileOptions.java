package io.jswarm.cli.commands.stack;

import io.jswarm.compose.ComposeLoader;
import io.jswarm.compose.LoadOptions;
import io.jswarm.compose.LoadResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Option;

/**
 * The options every command that reads Compose files shares ({@code stack config}, {@code stack
 * deploy}, {@code deploy}), with docker compose's names.
 */
public final class ComposeFileOptions {

    @Option(names = {"-c", "--compose-file"}, required = true, paramLabel = "FILE",
            description = "Compose file; repeat to merge several, later files overriding earlier ones.")
    List<Path> files;

    @Option(names = "--env-file", paramLabel = "FILE",
            description = "Read variables from this file instead of the project's .env (repeatable).")
    List<Path> envFiles = List.of();

    @Option(names = "--profile", paramLabel = "NAME", description = "Enable services of this profile (repeatable).")
    Set<String> profiles = Set.of();

    /** Loads and converts the files; throws ComposeException listing every problem. */
    public LoadResult load(String stackName) {
        return ComposeLoader.load(files, new LoadOptions(System.getenv(), envFiles, profiles, stackName));
    }
}
